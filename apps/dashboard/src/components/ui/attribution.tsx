import { OUTLINES_ATTRIBUTION, REFERENCE_ATTRIBUTION } from "../../config/attribution";
import { useI18n } from "../../i18n";

/** The reference-data attribution; shown in the footer wherever catalogue data appears. */
export function Attribution() {
  const { t } = useI18n();
  return (
    <section className="attribution" aria-labelledby="attribution-heading">
      <h2 id="attribution-heading" className="attribution__heading">
        {t("footer.sources")}
      </h2>
      {/* The line itself is a legal attribution and stays in its original (English) wording. */}
      <p lang="en">{REFERENCE_ATTRIBUTION}</p>
      <p lang="en">{OUTLINES_ATTRIBUTION}</p>
    </section>
  );
}
