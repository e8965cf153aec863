import { useI18n } from "../../../i18n";
import { useHealth } from "../api/get-health";

/**
 * Says plainly that the catalogue is the built-in demo (invented needs, offers and dates), so
 * nobody takes it for real data. Shows nothing on the real catalogue or while loading.
 */
export function DemoBanner() {
  const { t } = useI18n();
  const health = useHealth();
  if (health.data?.catalogue !== "demo") return null;
  return (
    <div className="demo-banner" role="note" aria-label={t("demo.label")}>
      <strong>{t("demo.label")}</strong> {t("demo.banner")}
    </div>
  );
}
