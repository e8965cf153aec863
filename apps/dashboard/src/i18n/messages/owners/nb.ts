import type { OwnersCatalogue } from "./en";

export const ownersNb: OwnersCatalogue = {
  "field.preferences": "Ønsker for partner",
  "review.link": "Gjennomgå",
  "review.title": "Gjennomgå spørreskjemaet fra {name}",
  "review.back": "Tilbake til spørreskjemaene",
  "review.submission": "Hele innsendingen",
  "review.match": "Sammenligning med katalogen",
  "review.match.ok":
    "Svarene stemmer med {target} i katalogen: land, kommunenummer og navn stemmer overens.",
  "review.match.new": "{target} er ny: godkjenningen publiserer utkastet som ble laget av svarene.",
  "review.match.mismatch":
    "Svarene stemmer ikke med katalogen. Kommunenummer {code} tilhører {target}.",
  "review.mismatch.name":
    "Navnet som ble skrevet, {name}, er ikke et navn eller alias for {target}.",
  "review.mismatch.country": "Landet som ble oppgitt, er ikke landet til {target}.",
  "review.mismatch.official-code":
    "Kommunenummeret som ble oppgitt, er ikke nummeret til {target}.",
  "review.mismatch.kind":
    "{target} er ikke en partnerkommune; et spørreskjema kan ikke godkjennes inn i den.",
  "review.match.chosen": "Du valgte {target}; navnet som ble skrevet, sammenlignes ikke.",
  "review.match.missing":
    "Katalograden svarene viser til, finnes ikke lenger. Velg en kommune, eller avvis spørreskjemaet.",
  "review.pick.title": "Velg kommunen uttrykkelig",
  "review.pick.search": "Søk i partnerkommuner",
  "review.pick.hint": "Skriv minst to bokstaver av navnet.",
  "review.pick.legend": "Kommuner funnet",
  "review.pick.none": "Ingen partnerkommune passer.",
  "review.pick.option": "{name}, {region} (nummer {code})",
  "review.pick.clear": "Sammenlign med svarene igjen",
  "review.changes": "Hva godkjenningen endrer i {target}",
  "review.changes.none": "Ingen felt i profilen endres.",
  "review.changes.field": "Felt",
  "review.changes.before": "Nå",
  "review.changes.after": "Etter godkjenning",
  "review.offers": "Tilbud som legges til eller erstattes: {areas}.",
  "review.approve": "Godkjenn…",
  "review.confirm.title": "Godkjenne spørreskjemaet inn i {target}?",
  "review.confirm.body": {
    one: "{count} felt i profilen endres som vist over; tilbudene og kontaktpersonen legges til, og profilen publiseres.",
    other:
      "{count} felt i profilen endres som vist over; tilbudene og kontaktpersonen legges til, og profilen publiseres.",
  },
  "review.confirm.submit": "Ja, godkjenn",
  "review.confirm.pending": "Godkjenner…",
  "review.confirm.cancel": "Avbryt",
  "review.refused":
    "Godkjenningen ble avvist: svarene stemmer ikke med {target}. Velg kommunen uttrykkelig for å godkjenne.",
  "review.approved": "{name} er godkjent inn i {target}.",
  "review.value.published": "Publisert",
  "review.value.draft": "Utkast",
  "review.value.regions": "Oblaster: {list}",
  "review.value.situations": "Situasjoner: {list}",
  "review.value.size": "Innbyggere {min}–{max}",
  "review.value.countries": "Land: {list}",
};
