import {
  COOPERATION_AREAS,
  type CooperationAreaCode,
  CreateNeedInput,
  cooperationAreaLabel,
  type NeedHorizon,
  type NeedPriority,
  type NeedStatus,
  type VersionedNeed,
} from "@pobratym/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { SelectInput, TextInput } from "../../../components/ui/form-fields";
import { Loading } from "../../../components/ui/loading";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { type Issue, issuesByPath, useIssueText } from "../../../lib/issue-text";
import { useChangeNeed, useNeeds } from "../api/needs";

const PRIORITIES: readonly NeedPriority[] = ["low", "medium", "high", "critical"];
const HORIZONS: readonly NeedHorizon[] = ["short-term", "long-term"];
/** The moves a need's owner makes from each status (an open need can be taken up, met or withdrawn). */
const NEXT_STATUS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  open: ["in-progress", "met", "withdrawn"],
  "in-progress": ["met", "withdrawn", "open"],
  met: ["open"],
  withdrawn: ["open"],
};

interface NeedFields {
  area: CooperationAreaCode;
  horizon: NeedHorizon;
  priority: NeedPriority;
  amount: string;
  unit: string;
  description: string;
}
const fieldsOf = (n: VersionedNeed): NeedFields => ({
  area: n.area,
  horizon: n.horizon,
  priority: n.priority,
  amount: n.quantity ? String(n.quantity.amount) : "",
  unit: n.quantity?.unit ?? "",
  description: n.description,
});

/**
 * A hromada's needs for its editors: short-term and long-term apart, each with edit and status
 * buttons (in progress, met, withdrawn, open again), and a form to add one. Checked with core's
 * `CreateNeedInput`; edits are sent with the need's version.
 */
export function NeedsEditor({ municipalityId, name }: { municipalityId: string; name: string }) {
  const { t, locale, formatNumber } = useI18n();
  const needs = useNeeds(municipalityId, true);
  const change = useChangeNeed(municipalityId);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [message, setMessage] = useState("");
  const area = (n: { area: CooperationAreaCode }) => cooperationAreaLabel(n.area, locale);
  const conflict = change.error instanceof ApiError && change.error.status === 412;

  const list = (horizon: NeedHorizon, headingId: string, heading: string) => {
    const items = (needs.data ?? []).filter((n) => n.horizon === horizon);
    return (
      <>
        <h3 id={headingId}>{heading}</h3>
        {items.length === 0 ? (
          <p className="muted">{t("profile.needs.none")}</p>
        ) : (
          <ul className="item-list" aria-labelledby={headingId}>
            {items.map((need) => (
              <li key={need.id}>
                {editing === need.id ? (
                  <NeedForm
                    title={t("needs.formTitle", { name })}
                    initial={fieldsOf(need)}
                    onCancel={() => setEditing(null)}
                    onSave={(input) =>
                      change.mutate(
                        {
                          kind: "update",
                          need,
                          patch: {
                            area: input.area,
                            horizon: input.horizon,
                            priority: input.priority,
                            quantity: input.quantity ?? null,
                            description: input.description,
                          },
                        },
                        {
                          onSuccess: (saved) => {
                            setEditing(null);
                            setMessage(t("needs.saved", { area: area(saved) }));
                          },
                        },
                      )
                    }
                  />
                ) : (
                  <>
                    <div className="item__title">{area(need)}</div>
                    {need.description ? <p>{need.description}</p> : null}
                    <span className="tag">
                      {t("need.priority")}: {t(`need.priority.${need.priority}`)}
                    </span>
                    <span className="tag">{t(`need.status.${need.status}`)}</span>
                    {need.quantity ? (
                      <span className="tag">
                        {t("need.quantity")}: {formatNumber(need.quantity.amount)}{" "}
                        {need.quantity.unit}
                      </span>
                    ) : null}
                    <div className="data-actions">
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() => setEditing(need.id)}
                      >
                        {t("needs.edit")}
                        <span className="visually-hidden">: {area(need)}</span>
                      </button>
                      {NEXT_STATUS[need.status].map((status) => (
                        <button
                          key={status}
                          type="button"
                          className="button button--small button--secondary"
                          aria-disabled={change.isPending}
                          onClick={() => {
                            if (change.isPending) return;
                            change.mutate(
                              { kind: "update", need, patch: { status } },
                              {
                                onSuccess: (saved) =>
                                  setMessage(
                                    t("needs.statusChanged", {
                                      area: area(saved),
                                      status: t(`need.status.${status}`),
                                    }),
                                  ),
                              },
                            );
                          }}
                        >
                          {t("needs.mark", { status: t(`need.status.${status}`) })}
                          <span className="visually-hidden">: {area(need)}</span>
                        </button>
                      ))}
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  return (
    <section className="card" aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t("profile.needs")}</h2>
      <p role="status">{message}</p>
      {conflict ? (
        <div className="notice notice--warn" role="alert">
          <p>{t("needs.conflict")}</p>
        </div>
      ) : change.isError ? (
        <ErrorView error={change.error} />
      ) : null}
      {needs.isPending ? (
        <Loading />
      ) : needs.isError ? (
        <ErrorView error={needs.error} onRetry={() => void needs.refetch()} />
      ) : (
        <>
          {list("short-term", "needs-short", t("profile.needs.shortTerm"))}
          {list("long-term", "needs-long", t("profile.needs.longTerm"))}
        </>
      )}
      {editing === "new" ? (
        <NeedForm
          title={t("needs.formTitle", { name })}
          initial={{
            area: "energy-heating",
            horizon: "short-term",
            priority: "medium",
            amount: "",
            unit: "",
            description: "",
          }}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            change.mutate(
              { kind: "create", input },
              {
                onSuccess: (saved) => {
                  setEditing(null);
                  setMessage(t("needs.saved", { area: area(saved) }));
                },
              },
            )
          }
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          {t("needs.add")}
        </button>
      )}
    </section>
  );
}

function NeedForm({
  title,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  initial: NeedFields;
  onSave: (input: CreateNeedInput) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const issueText = useIssueText();
  const id = useId();
  const [v, setV] = useState(initial);
  const [issues, setIssues] = useState<Map<string, Issue>>(new Map());
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>("select")?.focus();
  }, []);
  const set = <K extends keyof NeedFields>(k: K, value: NeedFields[K]) =>
    setV((o) => ({ ...o, [k]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const counted = v.amount.trim() !== "" || v.unit.trim() !== "";
    const parsed = CreateNeedInput.safeParse({
      area: v.area,
      horizon: v.horizon,
      priority: v.priority,
      description: v.description,
      ...(counted
        ? {
            quantity: {
              amount: v.amount.trim() === "" ? Number.NaN : Number(v.amount),
              unit: v.unit,
            },
          }
        : {}),
    });
    if (!parsed.success) {
      const found = issuesByPath(parsed.error);
      setIssues(found);
      const key = ["quantity.amount", "quantity.unit", "description"].find((k) => found.has(k));
      if (key) document.getElementById(`${id}-${key.replace(".", "-")}`)?.focus();
      return;
    }
    setIssues(new Map());
    onSave(parsed.data);
  };
  return (
    <form
      className="form-panel"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <div ref={first}>
        <SelectInput
          id={`${id}-area`}
          label={t("needs.area")}
          value={v.area}
          options={COOPERATION_AREAS.map((a) => ({
            value: a.code,
            label: cooperationAreaLabel(a.code, locale),
          }))}
          onChange={(x) => set("area", x)}
        />
      </div>
      <SelectInput
        id={`${id}-horizon`}
        label={t("needs.horizon")}
        value={v.horizon}
        options={HORIZONS.map((h) => ({ value: h, label: t(`needs.horizon.${h}`) }))}
        onChange={(x) => set("horizon", x)}
      />
      <SelectInput
        id={`${id}-priority`}
        label={t("need.priority")}
        value={v.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`need.priority.${p}`) }))}
        onChange={(x) => set("priority", x)}
      />
      <TextInput
        id={`${id}-quantity-amount`}
        label={t("needs.amount")}
        hint={t("needs.quantityHint")}
        inputMode="decimal"
        value={v.amount}
        error={issueText(issues.get("quantity.amount"))}
        onChange={(x) => set("amount", x)}
      />
      <TextInput
        id={`${id}-quantity-unit`}
        label={t("needs.unit")}
        value={v.unit}
        error={issueText(issues.get("quantity.unit"))}
        onChange={(x) => set("unit", x)}
      />
      <TextInput
        id={`${id}-description`}
        label={t("needs.description")}
        multiline
        value={v.description}
        error={issueText(issues.get("description"))}
        onChange={(x) => set("description", x)}
      />
      <div className="data-actions">
        <button type="submit" className="button">
          {t("needs.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("edit.cancel")}
        </button>
      </div>
    </form>
  );
}
