import { useI18n } from "../../i18n";
import { ApiError } from "../../lib/api-client";

/** Shows a failed request: the problem's title, detail and field errors, with an optional retry. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const api = error instanceof ApiError ? error : undefined;
  const title = api?.code === "network" ? t("error.network") : (api?.title ?? t("error.title"));
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {api?.detail ? <p>{api.detail}</p> : null}
      {api && api.fieldErrors.length > 0 ? (
        <>
          <p>{t("error.fields")}</p>
          <ul>
            {api.fieldErrors.map((field) => (
              <li key={`${field.path}:${field.message}`}>
                <code>{field.path || "—"}</code>: {field.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {api && api.code !== "network" ? (
        <p className="muted">{t("error.code", { code: api.code })}</p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
