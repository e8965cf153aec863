import {
  type ConferenceScheduleView,
  type MatchParty,
  MeetingOutcome,
  type ScheduledMeeting,
} from "@pobratym/core";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import {
  scheduleCsvUrl,
  useAddParticipants,
  useAddWish,
  useConference,
  useCreateConference,
  useGenerateSchedule,
  useRecordOutcome,
  useSchedule,
} from "../api/conferences";
import "./conferences.css";

/** Starts a new matchmaking conference. */
export function NewConferencePage({ conferencePath }: { conferencePath: (id: string) => string }) {
  const { t } = useI18n();
  useDocumentTitle(t("conferences.title"));
  const create = useCreateConference();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [invalid, setInvalid] = useState<{ title?: boolean; date?: boolean }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = { title: title.trim() === "", date: !/^\d{4}-\d{2}-\d{2}$/.test(date) };
    setInvalid(problems);
    if (problems.title || problems.date || create.isPending) return;
    create.mutate(
      { title: title.trim(), startsOn: date },
      { onSuccess: (c) => navigate(conferencePath(c.id)) },
    );
  };
  return (
    <>
      <PageHeading>{t("conferences.title")}</PageHeading>
      <p>{t("conferences.intro")}</p>
      <form className="form-panel" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="conf-name">{t("conferences.name")}</label>
          <input
            id="conf-name"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={invalid.title || undefined}
            aria-describedby={invalid.title ? "conf-name-error" : undefined}
          />
          {invalid.title ? (
            <p id="conf-name-error" className="field__error">
              {t("validation.required")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="conf-date">{t("conferences.date")}</label>
          <input
            id="conf-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={invalid.date || undefined}
            aria-describedby={invalid.date ? "conf-date-error" : undefined}
          />
          {invalid.date ? (
            <p id="conf-date-error" className="field__error">
              {t("validation.required")}
            </p>
          ) : null}
        </div>
        {create.isError ? <ErrorView error={create.error} /> : null}
        <div>
          <button type="submit" className="button" aria-disabled={create.isPending}>
            {t("conferences.create")}
          </button>
        </div>
      </form>
    </>
  );
}

/** One conference: participants, wishes, the generated schedule (printable) and outcomes. */
export function ConferencePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const conference = useConference(id);
  const title = conference.data?.title ?? t("conferences.title");
  useDocumentTitle(title);
  const addParticipants = useAddParticipants(id);
  const addWish = useAddWish(id);
  const [ids, setIds] = useState("");
  const [wish, setWish] = useState({ fromId: "", toId: "" });

  if (conference.isPending) return <Loading />;
  if (conference.isError)
    return (
      <>
        <PageHeading>{t("conferences.title")}</PageHeading>
        <ErrorView error={conference.error} onRetry={() => void conference.refetch()} />
      </>
    );
  const c = conference.data;
  const participants = c.participants ?? [];
  const wishes = c.wishes ?? [];
  const byId = new Map(participants.map((p) => [p.id, p]));
  const nameOf = (pid: string) => byId.get(pid)?.name ?? pid;
  const from = byId.get(wish.fromId);
  const targets = from ? participants.filter((p) => p.kind !== from.kind) : [];

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="muted">
        {formatDate(c.startsOn)}
        {c.location ? ` · ${c.location}` : ""}
      </p>
      <div className="no-print">
        <section aria-labelledby="participants-h">
          <h2 id="participants-h">
            {t("conferences.participants", { count: participants.length })}
          </h2>
          {participants.length === 0 ? (
            <p className="muted">{t("conferences.noParticipants")}</p>
          ) : (
            <div className="participants">
              <ParticipantList
                title={t("kind.hromada")}
                items={participants.filter((p) => p.kind === "hromada")}
              />
              <ParticipantList
                title={t("kind.partner")}
                items={participants.filter((p) => p.kind === "partner")}
              />
            </div>
          )}
          <form
            className="form-panel"
            onSubmit={(e) => {
              e.preventDefault();
              const list = [
                ...new Set(
                  ids
                    .split(/[\s,;]+/)
                    .map((s) => s.trim())
                    .filter(Boolean),
                ),
              ];
              if (list.length > 0 && !addParticipants.isPending)
                addParticipants.mutate(list, { onSuccess: () => setIds("") });
            }}
          >
            <div className="field">
              <label htmlFor="conf-participants">{t("conferences.participantId")}</label>
              <p id="conf-participants-hint" className="field__hint">
                {t("conferences.participantHint")}
              </p>
              <textarea
                id="conf-participants"
                rows={3}
                aria-describedby="conf-participants-hint"
                value={ids}
                onChange={(e) => setIds(e.target.value)}
              />
            </div>
            <div>
              <button type="submit" className="button" aria-disabled={addParticipants.isPending}>
                {t("conferences.addParticipant")}
              </button>
            </div>
          </form>
          {addParticipants.isError ? <ErrorView error={addParticipants.error} /> : null}
        </section>

        <section aria-labelledby="wishes-h">
          <h2 id="wishes-h">{t("conferences.wishes", { count: wishes.length })}</h2>
          {wishes.length > 0 ? (
            <ul>
              {wishes.map((w) => (
                <li key={`${w.fromId}-${w.toId}`}>
                  {t("conferences.wish", { from: nameOf(w.fromId), to: nameOf(w.toId) })}
                </li>
              ))}
            </ul>
          ) : null}
          {participants.length > 1 ? (
            <form
              className="form-panel form-panel--inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (wish.fromId && wish.toId && !addWish.isPending)
                  addWish.mutate(
                    { existing: wishes, ...wish },
                    { onSuccess: () => setWish({ fromId: "", toId: "" }) },
                  );
              }}
            >
              <ParticipantSelect
                label={t("conferences.wishFrom")}
                value={wish.fromId}
                onChange={(fromId) => setWish({ fromId, toId: "" })}
                options={participants}
              />
              <ParticipantSelect
                label={t("conferences.wishTo")}
                value={wish.toId}
                onChange={(toId) => setWish({ ...wish, toId })}
                options={targets}
              />
              <div>
                <button type="submit" className="button" aria-disabled={addWish.isPending}>
                  {t("conferences.addWish")}
                </button>
              </div>
            </form>
          ) : null}
          {addWish.isError ? <ErrorView error={addWish.error} /> : null}
        </section>
      </div>
      <ScheduleSection id={id} />
    </>
  );
}

function ParticipantList({ title, items }: { title: string; items: readonly MatchParty[] }) {
  const { countryName } = useI18n();
  const id = useId();
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <ul aria-labelledby={id}>
        {items.map((p) => (
          <li key={p.id}>
            {p.name}{" "}
            <span className="muted">
              ({p.region}, {countryName(p.country)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ParticipantSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly MatchParty[];
}) {
  const id = useId();
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("conferences.choose")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The schedule form and the rounds × tables grid; the grid is what prints. */
export function ScheduleSection({ id }: { id: string }) {
  const { t } = useI18n();
  const schedule = useSchedule(id);
  const generate = useGenerateSchedule(id);
  const outcome = useRecordOutcome(id);
  const [options, setOptions] = useState({ rounds: 3, tables: 11, minMeetings: 1 });
  const setNum = (key: keyof typeof options, v: string, min: number, max: number) =>
    setOptions({ ...options, [key]: Math.max(min, Math.min(max, Math.trunc(Number(v)) || min)) });

  return (
    <section aria-labelledby="schedule-h">
      <h2 id="schedule-h">{t("conferences.schedule")}</h2>
      <form
        className="form-panel form-panel--inline no-print"
        onSubmit={(e) => {
          e.preventDefault();
          if (!generate.isPending) generate.mutate(options);
        }}
      >
        <div className="field">
          <label htmlFor="sched-rounds">{t("conferences.rounds")}</label>
          <input
            id="sched-rounds"
            type="number"
            min={1}
            max={50}
            value={options.rounds}
            onChange={(e) => setNum("rounds", e.target.value, 1, 50)}
          />
        </div>
        <div className="field">
          <label htmlFor="sched-tables">{t("conferences.tables")}</label>
          <input
            id="sched-tables"
            type="number"
            min={1}
            max={500}
            value={options.tables}
            onChange={(e) => setNum("tables", e.target.value, 1, 500)}
          />
        </div>
        <div className="field">
          <label htmlFor="sched-min">{t("conferences.minMeetings")}</label>
          <input
            id="sched-min"
            type="number"
            min={0}
            max={50}
            value={options.minMeetings}
            onChange={(e) => setNum("minMeetings", e.target.value, 0, 50)}
          />
        </div>
        <div>
          <button type="submit" className="button" aria-disabled={generate.isPending}>
            {generate.isPending ? t("conferences.generating") : t("conferences.generate")}
          </button>
        </div>
      </form>
      {generate.isError ? <ErrorView error={generate.error} /> : null}
      {outcome.isError ? <ErrorView error={outcome.error} /> : null}
      {schedule.isPending ? (
        <Loading />
      ) : schedule.isError ? (
        <ErrorView error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : schedule.data.meetings.length === 0 ? (
        <p className="muted">{t("conferences.noSchedule")}</p>
      ) : (
        <>
          <p role="status">
            {t("conferences.scheduled", { count: schedule.data.meetings.length })}
            {schedule.data.unmet.length > 0
              ? ` ${t("conferences.unmet", { count: schedule.data.unmet.length })}`
              : ""}
          </p>
          <p className="no-print">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => window.print()}
            >
              {t("conferences.print")}
            </button>{" "}
            <a href={scheduleCsvUrl(id)} download>
              {t("conferences.csv")}
            </a>
          </p>
          <ScheduleGrid
            schedule={schedule.data}
            onOutcome={(m, value) =>
              outcome.mutate({ hromadaId: m.hromada.id, partnerId: m.partner.id, outcome: value })
            }
          />
        </>
      )}
    </section>
  );
}

/** Rounds as rows, tables as columns; each cell names the two municipalities meeting there. */
export function ScheduleGrid({
  schedule,
  onOutcome,
}: {
  schedule: ConferenceScheduleView;
  onOutcome: (m: ScheduledMeeting, outcome: MeetingOutcome) => void;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <ScrollRegion labelledBy="schedule-caption">
      <table className="schedule">
        <caption id="schedule-caption">
          {t("conferences.gridCaption", { rounds: schedule.rounds, tables: schedule.tables })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("conferences.round")}</th>
            {Array.from({ length: schedule.tables }, (_, j) => (
              <th scope="col" key={`table-${j + 1}`}>
                {t("conferences.table", { n: formatNumber(j + 1) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schedule.grid.map((row, i) => (
            <tr key={`round-${i + 1}`}>
              <th scope="row">{t("conferences.roundN", { n: formatNumber(i + 1) })}</th>
              {Array.from({ length: schedule.tables }, (_, j) => {
                const m = row[j] ?? null;
                return (
                  <td key={`cell-${i + 1}-${j + 1}`}>
                    {m ? (
                      <>
                        <span className="schedule__pair">
                          {m.hromada.name}
                          <span aria-hidden="true"> ↔ </span>
                          <span className="visually-hidden"> {t("conferences.meets")} </span>
                          {m.partner.name}
                          {m.mutual ? (
                            <span className="schedule__mutual"> ({t("conferences.mutual")})</span>
                          ) : null}
                        </span>
                        <label className="no-print schedule__outcome">
                          <span className="visually-hidden">
                            {t("conferences.outcomeFor", {
                              left: m.hromada.name,
                              right: m.partner.name,
                            })}
                          </span>
                          <select
                            value={m.outcome ?? ""}
                            onChange={(e) => {
                              const value = MeetingOutcome.safeParse(e.target.value);
                              if (value.success) onOutcome(m, value.data);
                            }}
                          >
                            <option value="">{t("conferences.outcome")}</option>
                            {MeetingOutcome.options.map((o) => (
                              <option key={o} value={o}>
                                {t(`conferences.outcome.${o}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                      </>
                    ) : (
                      <span className="muted">{t("conferences.free")}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
