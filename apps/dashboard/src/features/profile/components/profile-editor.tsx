import {
  COOPERATION_AREAS,
  cooperationAreaLabel,
  type MunicipalityProfile,
  type PublicMunicipality,
  SITUATION_CATEGORIES,
} from "@pobratym/core";
import { useQueryClient } from "@tanstack/react-query";
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { CheckboxGroup, CheckboxInput, TextInput } from "../../../components/ui/form-fields";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { apiIssuesByPath, type Issue, useIssueText } from "../../../lib/issue-text";
import { useUpdateProfile } from "../api/edit-profile";
import { getMunicipalityProfileQueryOptions } from "../api/get-municipality-profile";
import {
  changedFields,
  type DraftField,
  draftFrom,
  EDITABLE_FIELDS,
  fieldOfPath,
  type ProfileDraft,
  toPatch,
  validatePatch,
} from "../hooks/profile-form";

/** Working languages offered as checkboxes; a language already on the profile is always listed. */
const LANGUAGES = ["uk", "en", "sv", "nb", "da", "fi", "de", "pl", "fr", "nl", "et", "lv", "lt"];

const fieldId = (f: DraftField) => `edit-${f}`;

/** The state after a 412: the profile as saved by someone else, and what they changed. */
interface Conflict {
  latest: PublicMunicipality;
  theirs: DraftField[];
}

/**
 * Inline editing of a profile's own facts. Validation is core's (codes worded here); a save sends
 * only the changed fields with If-Match. On a 412 the form rebases on the saved profile: fields
 * only the other person changed take their value, the reader's typed values stay, and a
 * comparison offers "keep mine" (send just these fields again with the new ETag) or "take theirs".
 */
export function ProfileEditor({
  profile,
  onDone,
}: {
  profile: MunicipalityProfile;
  onDone: (saved: boolean) => void;
}) {
  const { t, languageName, locale } = useI18n();
  const issueText = useIssueText();
  const client = useQueryClient();
  const update = useUpdateProfile(profile.municipality.id);
  const kind = profile.municipality.kind;
  const [latest, setLatest] = useState(profile.municipality);
  const [version, setVersion] = useState(profile.version);
  const [base, setBase] = useState(() => draftFrom(profile.municipality));
  const [draft, setDraft] = useState(base);
  const [issues, setIssues] = useState<Map<DraftField, Issue>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [nothing, setNothing] = useState(false);
  const firstRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    firstRef.current?.querySelector<HTMLElement>("textarea, input")?.focus();
  }, []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const set = <F extends DraftField>(field: F, value: ProfileDraft[F]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const mine = changedFields(kind, base, draft);

  const save = (fields: DraftField[], at: { latest: PublicMunicipality; version: number }) => {
    setNothing(false);
    if (fields.length === 0) {
      setNothing(true);
      return;
    }
    const patch = toPatch(at.latest, draft, fields);
    const found = validatePatch(at.latest, patch);
    setIssues(found);
    if (found.size > 0) {
      const first = EDITABLE_FIELDS[kind].find((f) => found.has(f));
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    update.mutate(
      { patch, version: at.version },
      {
        onSuccess: () => onDone(true),
        onError: async (error) => {
          if (error instanceof ApiError && error.status === 412) {
            const fresh = await client.fetchQuery({
              ...getMunicipalityProfileQueryOptions(profile.municipality.id),
              staleTime: 0,
            });
            const saved = draftFrom(fresh.municipality);
            const theirs = changedFields(kind, base, saved);
            // Rebase: the saved profile underneath, the reader's own changes on top.
            const next = { ...saved };
            for (const f of fields) (next as Record<DraftField, unknown>)[f] = draft[f];
            setBase(saved);
            setDraft(next);
            setLatest(fresh.municipality);
            setVersion(fresh.version);
            setConflict({ latest: fresh.municipality, theirs });
            update.reset();
          } else if (error instanceof ApiError && error.status === 400) {
            const byField = new Map<DraftField, Issue>();
            for (const [path, issue] of apiIssuesByPath(error.fieldErrors)) {
              const f = fieldOfPath(path);
              if (f && !byField.has(f)) byField.set(f, issue);
            }
            setIssues(byField);
          }
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    save(mine, { latest, version });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone(false);
    }
  };
  const label = (f: DraftField) => t(`edit.field.${f === "workingLanguages" ? "languages" : f}`);
  const error = (f: DraftField) => issueText(issues.get(f));
  const shown = (f: DraftField) => EDITABLE_FIELDS[kind].includes(f);
  const languages = [...new Set([...LANGUAGES, ...draft.workingLanguages])];
  const apiError =
    update.isError && !(update.error instanceof ApiError && update.error.status === 400);

  return (
    <form
      className="form-panel profile-editor"
      aria-labelledby="edit-title"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h2 id="edit-title">{t("edit.open")}</h2>
      {conflict ? (
        <ConflictPanel
          refEl={conflictRef}
          conflict={conflict}
          mine={mine}
          base={base}
          draft={draft}
          pending={update.isPending}
          onKeepMine={() => {
            setConflict(null);
            save(mine, { latest, version });
          }}
          onTakeTheirs={() => {
            // Where both changed, the saved value wins; the reader's other changes stay.
            setDraft((d) => {
              const next = { ...d };
              for (const f of conflict.theirs) (next as Record<DraftField, unknown>)[f] = base[f];
              return next;
            });
            setConflict(null);
          }}
        />
      ) : null}
      {issues.size > 0 ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t("edit.errors")}</p>
        </div>
      ) : null}
      {apiError ? <ErrorView error={update.error} /> : null}
      <div ref={firstRef}>
        <TextInput
          id={fieldId("description")}
          label={label("description")}
          multiline
          value={draft.description}
          error={error("description")}
          onChange={(v) => set("description", v)}
        />
      </div>
      <TextInput
        id={fieldId("website")}
        label={label("website")}
        hint={t("edit.hint.website")}
        type="url"
        value={draft.website}
        error={error("website")}
        onChange={(v) => set("website", v)}
      />
      <CheckboxGroup
        id={fieldId("workingLanguages")}
        legend={label("workingLanguages")}
        error={error("workingLanguages")}
        options={languages.map((code) => ({ value: code, label: languageName(code) }))}
        value={draft.workingLanguages}
        onChange={(v) => set("workingLanguages", v)}
      />
      {shown("capacity") ? (
        <TextInput
          id={fieldId("capacity")}
          label={label("capacity")}
          inputMode="numeric"
          value={draft.capacity}
          error={error("capacity")}
          onChange={(v) => set("capacity", v)}
        />
      ) : null}
      {shown("politicalDecision") ? (
        <CheckboxInput
          id={fieldId("politicalDecision")}
          label={label("politicalDecision")}
          checked={draft.politicalDecision}
          onChange={(v) => set("politicalDecision", v)}
        />
      ) : null}
      {shown("regions") ? (
        <TextInput
          id={fieldId("regions")}
          label={label("regions")}
          hint={t("edit.hint.regions")}
          value={draft.regions}
          error={error("regions")}
          onChange={(v) => set("regions", v)}
        />
      ) : null}
      {shown("situations") ? (
        <CheckboxGroup
          id={fieldId("situations")}
          legend={label("situations")}
          error={error("situations")}
          options={SITUATION_CATEGORIES.map((s) => ({ value: s.code, label: s.labels[locale] }))}
          value={draft.situations}
          onChange={(v) => set("situations", v)}
        />
      ) : null}
      {shown("learningInterests") ? (
        <CheckboxGroup
          id={fieldId("learningInterests")}
          legend={label("learningInterests")}
          error={error("learningInterests")}
          options={COOPERATION_AREAS.map((a) => ({
            value: a.code,
            label: cooperationAreaLabel(a.code, locale),
          }))}
          value={draft.learningInterests}
          onChange={(v) => set("learningInterests", v)}
        />
      ) : null}
      {shown("internationalExperience") ? (
        <CheckboxInput
          id={fieldId("internationalExperience")}
          label={label("internationalExperience")}
          checked={draft.internationalExperience}
          onChange={(v) => set("internationalExperience", v)}
        />
      ) : null}
      {shown("displacedHosted") ? (
        <TextInput
          id={fieldId("displacedHosted")}
          label={label("displacedHosted")}
          inputMode="numeric"
          value={draft.displacedHosted}
          error={error("displacedHosted")}
          onChange={(v) => set("displacedHosted", v)}
        />
      ) : null}
      {shown("countries") ? (
        <TextInput
          id={fieldId("countries")}
          label={label("countries")}
          hint={t("edit.hint.countries")}
          value={draft.countries}
          error={error("countries")}
          onChange={(v) => set("countries", v.toUpperCase())}
        />
      ) : null}
      <p role="status">{nothing ? t("edit.nothingChanged") : ""}</p>
      {conflict ? null : (
        <div className="data-actions">
          <button type="submit" className="button" aria-disabled={update.isPending}>
            {update.isPending ? t("edit.saving") : t("edit.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
            {t("edit.cancel")}
          </button>
        </div>
      )}
    </form>
  );
}

function ConflictPanel({
  refEl,
  conflict,
  mine,
  base,
  draft,
  pending,
  onKeepMine,
  onTakeTheirs,
}: {
  refEl: RefObject<HTMLDivElement | null>;
  conflict: Conflict;
  mine: DraftField[];
  base: ProfileDraft;
  draft: ProfileDraft;
  pending: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, languageName } = useI18n();
  const fields = [...new Set([...mine, ...conflict.theirs])];
  const show = (f: DraftField, d: ProfileDraft) => {
    const v = d[f];
    if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
    if (Array.isArray(v))
      return (f === "workingLanguages" ? v.map(languageName) : v).join(", ") || "—";
    return v.trim() || "—";
  };
  return (
    <div className="notice notice--warn" role="alert" tabIndex={-1} ref={refEl}>
      <p className="notice__title">{t("edit.conflict.title")}</p>
      <p>{t("edit.conflict.body")}</p>
      <table>
        <caption>{t("edit.conflict.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("edit.conflict.field")}</th>
            <th scope="col">{t("edit.conflict.mine")}</th>
            <th scope="col">{t("edit.conflict.theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`edit.field.${f === "workingLanguages" ? "languages" : f}`)}</th>
              <td>{mine.includes(f) ? show(f, draft) : "—"}</td>
              <td>{show(f, base)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="data-actions">
        <button type="button" className="button" aria-disabled={pending} onClick={onKeepMine}>
          {t("edit.conflict.keepMine")}
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeTheirs}>
          {t("edit.conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}
