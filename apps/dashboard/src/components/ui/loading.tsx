import { useI18n } from "../../i18n";

/** A polite "Loading…" status for screen readers and sighted users alike. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
