import { type QuestionnaireSubmission, ReviewQuestionnaireInput } from "@pobratym/core";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { type MessageKey, useI18n } from "../../../i18n";
import { useRejectQuestionnaire } from "../api/questionnaires";

/**
 * The confirmation step of rejecting a questionnaire, with an optional reason. Nothing is sent until
 * the coordinator confirms; Escape or Cancel closes it.
 */
export function RejectQuestionnaireForm({
  submission,
  onRejected,
  onCancel,
}: {
  submission: QuestionnaireSubmission;
  onRejected: (rejected: QuestionnaireSubmission) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const reject = useRejectQuestionnaire();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<{ key: MessageKey; params?: Record<string, number> }>();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const name = submission.answers.municipality.name;

  // Opened on request (the row's Reject button): the first field takes focus.
  useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reject.isPending) return;
    const note = reason.trim();
    const parsed = ReviewQuestionnaireInput.safeParse(note === "" ? {} : { note });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(
        issue?.code === "too_big"
          ? { key: "validation.tooLong", params: { max: Number(issue.maximum) } }
          : { key: "validation.invalid" },
      );
      reasonRef.current?.focus();
      return;
    }
    setProblem(undefined);
    reject.mutate({ id: submission.id, body: parsed.data }, { onSuccess: onRejected });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="form-panel"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <p id={`${id}-title`} className="notice__title">
        {t("questionnaires.reject.title", { name })}
      </p>
      <p id={`${id}-body`}>{t("questionnaires.reject.body")}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("questionnaires.reject.reason")}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t("questionnaires.reject.reasonHint")}
        </p>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        {problem ? (
          <p id={`${id}-error`} className="field__error">
            {t(problem.key, problem.params)}
          </p>
        ) : null}
      </div>
      {reject.isError ? <ErrorView error={reject.error} /> : null}
      <div className="data-actions">
        <button type="submit" className="button" aria-disabled={reject.isPending}>
          {reject.isPending
            ? t("questionnaires.reject.pending")
            : t("questionnaires.reject.confirm")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("questionnaires.reject.cancel")}
        </button>
      </div>
    </form>
  );
}
