import type { OwnersCatalogue } from "./en";

export const ownersUk: OwnersCatalogue = {
  "field.preferences": "Побажання щодо партнера",
  "review.link": "Переглянути",
  "review.title": "Перегляд анкети від {name}",
  "review.back": "Назад до анкет",
  "review.submission": "Уся анкета",
  "review.match": "Відповідність каталогу",
  "review.match.ok":
    "Відповіді відповідають {target} у каталозі: країна, номер муніципалітету й назва збігаються.",
  "review.match.new": "{target} — новий: схвалення опублікує чернетку, створену з цих відповідей.",
  "review.match.mismatch":
    "Відповіді не відповідають каталогу. Номер муніципалітету {code} належить {target}.",
  "review.mismatch.name": "Вказана назва, {name}, не є назвою чи іншою назвою {target}.",
  "review.mismatch.country": "Вказана країна не є країною {target}.",
  "review.mismatch.official-code": "Вказаний номер муніципалітету не є номером {target}.",
  "review.mismatch.kind":
    "{target} не є муніципалітетом-партнером; анкету не можна схвалити для нього.",
  "review.match.chosen": "Ви обрали {target}; вказану назву не порівнюють.",
  "review.match.missing":
    "Запису каталогу, на який вказують відповіді, більше немає. Оберіть муніципалітет або відхиліть анкету.",
  "review.pick.title": "Оберіть муніципалітет явно",
  "review.pick.search": "Пошук муніципалітетів-партнерів",
  "review.pick.hint": "Введіть щонайменше дві літери назви.",
  "review.pick.legend": "Знайдені муніципалітети",
  "review.pick.none": "Жоден муніципалітет-партнер не підходить.",
  "review.pick.option": "{name}, {region} (номер {code})",
  "review.pick.clear": "Знову порівняти з відповідями",
  "review.changes": "Що схвалення змінить у профілі {target}",
  "review.changes.none": "Жодне поле профілю не зміниться.",
  "review.changes.field": "Поле",
  "review.changes.before": "Зараз",
  "review.changes.after": "Після схвалення",
  "review.offers": "Пропозиції, які буде додано або замінено: {areas}.",
  "review.approve": "Схвалити…",
  "review.confirm.title": "Схвалити анкету для {target}?",
  "review.confirm.body": {
    one: "Зміниться {count} поле профілю, як показано вище; буде додано пропозиції й контактну особу, а профіль опубліковано.",
    few: "Зміняться {count} поля профілю, як показано вище; буде додано пропозиції й контактну особу, а профіль опубліковано.",
    many: "Зміниться {count} полів профілю, як показано вище; буде додано пропозиції й контактну особу, а профіль опубліковано.",
    other:
      "Зміниться {count} поля профілю, як показано вище; буде додано пропозиції й контактну особу, а профіль опубліковано.",
  },
  "review.confirm.submit": "Так, схвалити",
  "review.confirm.pending": "Схвалення…",
  "review.confirm.cancel": "Скасувати",
  "review.refused":
    "У схваленні відмовлено: відповіді не відповідають {target}. Оберіть муніципалітет явно, щоб схвалити.",
  "review.approved": "Анкету {name} схвалено для {target}.",
  "review.value.published": "Опубліковано",
  "review.value.draft": "Чернетка",
  "review.value.regions": "Області: {list}",
  "review.value.situations": "Ситуації: {list}",
  "review.value.size": "Населення {min}–{max}",
  "review.value.countries": "Країни: {list}",
};
