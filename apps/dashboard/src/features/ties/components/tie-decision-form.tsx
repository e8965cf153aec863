import { type TieStatus, type TieSummary, UpdateTieInput } from "@pobratym/core";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { type MessageKey, useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { useDecideTie } from "../api/ties";

const STATUSES = ["active", "frozen", "terminated", "under-review"] as const satisfies TieStatus[];

/** A field's problem as a message key, so it is shown in the user's language (never zod's English). */
interface Problem {
  key: MessageKey;
  params?: Record<string, number>;
}

type Problems = Partial<Record<"decisionDate" | "decision", Problem>>;

/** Where the form's values start: the tie as it was read (or re-read after a 412). */
const initialValues = (s: TieSummary) => ({
  status: s.tie.status,
  date: s.tie.decisionDate ?? "",
  note: s.tie.decision ?? "",
});

/**
 * An inline form that records the review decision on one tie. It is filled in against the version it
 * was opened (or reloaded) with, which goes out as If-Match: if someone else decided in the meantime
 * the API answers 412 and the form offers to reload instead of overwriting their decision.
 */
export function TieDecisionForm({
  summary,
  title,
  onSaved,
  onCancel,
  reload,
}: {
  summary: TieSummary;
  /** "Municipality – foreign town", for the form's name and messages. */
  title: string;
  onSaved: (saved: TieSummary) => void;
  onCancel: () => void;
  /** Refetches the review list and returns this tie as it is now (undefined when it left the list). */
  reload: () => Promise<TieSummary | undefined>;
}) {
  const { t } = useI18n();
  const decide = useDecideTie();
  const [base, setBase] = useState(summary);
  const [values, setValues] = useState(() => initialValues(summary));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<{ kind: "stale" } | { kind: "error"; error: unknown }>();
  const [reloading, setReloading] = useState(false);
  const id = useId();
  const statusRef = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  // The form opens on request (the row's button), so the first field takes focus.
  useEffect(() => {
    statusRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const parsed = UpdateTieInput.safeParse({
      status: values.status,
      decisionDate: values.date === "" ? null : values.date,
      decision: values.note.trim() === "" ? null : values.note,
    });
    if (!parsed.success) {
      const next: Problems = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "decisionDate") next.decisionDate ??= { key: "ties.decide.dateInvalid" };
        if (field === "decision") {
          next.decision ??=
            issue.code === "too_big"
              ? { key: "validation.tooLong", params: { max: Number(issue.maximum) } }
              : { key: "validation.invalid" };
        }
      }
      setProblems(next);
      (next.decisionDate ? dateRef : noteRef).current?.focus();
      return;
    }
    setProblems({});
    setFailure(undefined);
    decide.mutate(
      { id: base.tie.id, version: base.version, body: parsed.data },
      {
        onSuccess: onSaved,
        onError: (error) =>
          setFailure(
            error instanceof ApiError && error.status === 412
              ? { kind: "stale" }
              : { kind: "error", error },
          ),
      },
    );
  };

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const fresh = await reload();
      if (!fresh) {
        onCancel();
        return;
      }
      setBase(fresh);
      setValues(initialValues(fresh));
      setProblems({});
      setFailure(undefined);
      statusRef.current?.focus();
    } finally {
      setReloading(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  const described = (field: keyof Problems, hint: string) =>
    [hint, problems[field] ? `${id}-${field}-error` : ""].filter(Boolean).join(" ");

  return (
    <form
      className="form-panel"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <p id={`${id}-title`} className="notice__title">
        {t("ties.decide.title", { title })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t("ties.decide.status")}</label>
        <select
          id={`${id}-status`}
          ref={statusRef}
          value={values.status}
          onChange={(e) => {
            const status = STATUSES.find((s) => s === e.target.value);
            if (status) setValues((v) => ({ ...v, status }));
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`tieStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t("ties.decisionDate")}</label>
        <p id={`${id}-date-hint`} className="field__hint">
          {t("ties.decide.dateHint")}
        </p>
        <input
          id={`${id}-date`}
          ref={dateRef}
          type="date"
          value={values.date}
          onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
          aria-invalid={problems.decisionDate ? true : undefined}
          aria-describedby={described("decisionDate", `${id}-date-hint`)}
        />
        {problems.decisionDate ? (
          <p id={`${id}-decisionDate-error`} className="field__error">
            {t(problems.decisionDate.key, problems.decisionDate.params)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("ties.decision")}</label>
        <p id={`${id}-note-hint`} className="field__hint">
          {t("ties.decide.noteHint")}
        </p>
        <textarea
          id={`${id}-note`}
          ref={noteRef}
          rows={3}
          value={values.note}
          onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
          aria-invalid={problems.decision ? true : undefined}
          aria-describedby={described("decision", `${id}-note-hint`)}
        />
        {problems.decision ? (
          <p id={`${id}-decision-error`} className="field__error">
            {t(problems.decision.key, problems.decision.params)}
          </p>
        ) : null}
      </div>
      {failure?.kind === "stale" ? (
        <div className="notice notice--warn" role="alert">
          <p className="notice__title">{t("ties.stale.title")}</p>
          <p>{t("ties.stale.body", { title })}</p>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={reloading}
            onClick={() => {
              if (!reloading) void reloadLatest();
            }}
          >
            {t("ties.stale.reload")}
          </button>
        </div>
      ) : failure?.kind === "error" ? (
        <ErrorView error={failure.error} />
      ) : null}
      <div className="data-actions">
        <button type="submit" className="button" aria-disabled={decide.isPending}>
          {decide.isPending ? t("ties.decide.saving") : t("ties.decide.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("ties.decide.cancel")}
        </button>
      </div>
    </form>
  );
}
