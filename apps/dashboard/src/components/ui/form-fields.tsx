import "./form-fields.css";
import type { ReactNode } from "react";

// Labelled form fields shared by the owners' forms (profile, needs and offers, hromada intake):
// each wires its hint and its error to the input for screen readers. `error` is already in the
// reader's language (see lib/issue-text.ts).

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="field__error">
      {error}
    </p>
  ) : null;
}

/** A labelled text input or textarea. */
export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = "text",
  multiline = false,
  inputMode,
  autoComplete,
  lang,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "url" | "email" | "tel" | "date";
  multiline?: boolean;
  inputMode?: "numeric" | "decimal";
  autoComplete?: string;
  lang?: string;
}) {
  const common = {
    id,
    value,
    lang,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      {multiline ? (
        <textarea {...common} rows={5} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** A labelled select. */
export function SelectInput<V extends string>({
  id,
  label,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** One checkbox with its label after it. */
export function CheckboxInput({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />{" "}
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A fieldset of checkboxes choosing several values. */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: V; label: ReactNode }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}) {
  return (
    <fieldset
      className="field"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      <div className="choice-grid">
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value),
                )
              }
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}
