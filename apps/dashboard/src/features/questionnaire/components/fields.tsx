import type { ReactNode } from "react";
import { type MessageKey, useI18n } from "../../../i18n";
import type { FieldProblem } from "../hooks/draft";

/** The DOM id of the input for a questionnaire path, so the error summary can link to it. */
export const fieldId = (path: string) => `q-${path.replace(/\./g, "-")}`;

/** The problem's text in the user's language. */
export function useProblemText() {
  const { t } = useI18n();
  return (p: FieldProblem) => t(p.key, p.params);
}

/** A labelled text input (or textarea) with an optional hint and its error, wired for screen readers. */
export function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  problem,
  type = "text",
  multiline = false,
  autoComplete,
  inputMode,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  problem: FieldProblem | undefined;
  type?: "text" | "email" | "tel" | "date";
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal";
}) {
  const text = useProblemText();
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : "", problem ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    value,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={6} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem ? (
        <p id={`${id}-error`} className="field__error">
          {text(problem)}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radio buttons with a legend. */
export function RadioGroup<V extends string>({
  path,
  legend,
  options,
  value,
  onChange,
  problem,
}: {
  path: string;
  legend: string;
  options: readonly { value: V; label: MessageKey }[];
  value: string;
  onChange: (value: V) => void;
  problem: FieldProblem | undefined;
}) {
  const { t } = useI18n();
  const text = useProblemText();
  const id = fieldId(path);
  return (
    <fieldset className="fieldset" aria-describedby={problem ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={id}
            id={i === 0 ? id : undefined}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />{" "}
          {t(o.label)}
        </label>
      ))}
      {problem ? (
        <p id={`${id}-error`} className="field__error">
          {text(problem)}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The list of a step's problems, linking to each field (WCAG 3.3.1). */
export function ErrorSummary({
  problems,
  labelOf,
}: {
  problems: readonly FieldProblem[];
  labelOf: (path: string) => string;
}): ReactNode {
  const { t } = useI18n();
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t("questionnaire.errors", { count: problems.length })}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            <a href={`#${fieldId(p.path)}`}>
              {labelOf(p.path)}: {text(p)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
