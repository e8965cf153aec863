import { type Contact, ContactInput } from "@pobratym/core";
import { type FormEvent, useId, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { TextInput } from "../../../components/ui/form-fields";
import { useI18n } from "../../../i18n";
import { type Issue, issuesByPath, useIssueText } from "../../../lib/issue-text";
import { useChangeContact } from "../api/edit-profile";

type ContactFields = { name: string; role: string; email: string; phone: string };
const EMPTY: ContactFields = { name: "", role: "", email: "", phone: "" };
const fieldsOf = (c: Contact): ContactFields => ({
  name: c.name,
  role: c.role ?? "",
  email: c.email ?? "",
  phone: c.phone ?? "",
});

/** The contact persons of a municipality, for its editors: add, change and remove. */
export function ContactsEditor({
  municipalityId,
  contacts,
  onMessage,
}: {
  municipalityId: string;
  contacts: readonly Contact[];
  onMessage: (text: string) => void;
}) {
  const { t } = useI18n();
  const change = useChangeContact(municipalityId);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  return (
    <section className="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t("contacts.title")}</h2>
      {change.isError ? <ErrorView error={change.error} /> : null}
      {contacts.length === 0 ? <p>{t("contacts.none")}</p> : null}
      <ul className="plain-list">
        {contacts.map((c) => (
          <li key={c.id}>
            {editing === c.id ? (
              <ContactForm
                initial={fieldsOf(c)}
                onCancel={() => setEditing(null)}
                onSave={(input) =>
                  change.mutate(
                    {
                      kind: "update",
                      contact: c,
                      patch: {
                        name: input.name,
                        role: input.role ?? null,
                        email: input.email ?? null,
                        phone: input.phone ?? null,
                      },
                    },
                    {
                      onSuccess: () => {
                        setEditing(null);
                        onMessage(t("contacts.saved", { name: input.name }));
                      },
                    },
                  )
                }
              />
            ) : (
              <>
                <strong>{c.name}</strong>
                {c.role ? `, ${c.role}` : ""}
                {c.email ? <> · {c.email}</> : null}
                {c.phone ? <> · {c.phone}</> : null}{" "}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setEditing(c.id)}
                >
                  {t("contacts.edit")}
                  <span className="visually-hidden">: {c.name}</span>
                </button>{" "}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() =>
                    change.mutate(
                      { kind: "delete", contact: c },
                      { onSuccess: () => onMessage(t("contacts.removed", { name: c.name })) },
                    )
                  }
                >
                  {t("contacts.remove")}
                  <span className="visually-hidden">: {c.name}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <ContactForm
          initial={EMPTY}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            change.mutate(
              { kind: "create", input },
              {
                onSuccess: () => {
                  setEditing(null);
                  onMessage(t("contacts.saved", { name: input.name }));
                },
              },
            )
          }
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setEditing("new")}
        >
          {t("contacts.add")}
        </button>
      )}
    </section>
  );
}

function ContactForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: ContactFields;
  onSave: (input: ContactInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const issueText = useIssueText();
  const id = useId();
  const [v, setV] = useState(initial);
  const [issues, setIssues] = useState<Map<string, Issue>>(new Map());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ContactInput.safeParse({
      name: v.name,
      ...(v.role.trim() ? { role: v.role } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(v.phone.trim() ? { phone: v.phone } : {}),
    });
    if (!parsed.success) {
      const found = issuesByPath(parsed.error);
      setIssues(found);
      const first = ["name", "role", "email", "phone"].find((f) => found.has(f));
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    onSave(parsed.data);
  };
  const field = (f: keyof ContactFields, type: "text" | "email" | "tel" = "text") => (
    <TextInput
      id={`${id}-${f}`}
      label={t(`contacts.${f}`)}
      type={type}
      value={v[f]}
      error={issueText(issues.get(f))}
      onChange={(x) => setV((o) => ({ ...o, [f]: x }))}
    />
  );
  return (
    <form
      className="form-panel"
      aria-label={t("contacts.save")}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      {field("name")}
      {field("role")}
      {field("email", "email")}
      {field("phone", "tel")}
      <div className="data-actions">
        <button type="submit" className="button">
          {t("contacts.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("edit.cancel")}
        </button>
      </div>
    </form>
  );
}
