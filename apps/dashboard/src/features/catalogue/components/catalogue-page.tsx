import { useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useFilterOptions } from "../api/get-filter-options";
import { useMunicipalities } from "../api/get-municipalities";
import { useCatalogueFilters } from "../hooks/use-catalogue-filters";
import { CatalogueSearchForm } from "./catalogue-search-form";
import { MunicipalityTable } from "./municipality-table";

/** Search and browse the municipality catalogue; the search lives in the URL. */
export function CataloguePage({ profilePath }: { profilePath: (id: string) => string }) {
  const { t } = useI18n();
  useDocumentTitle(t("catalogue.title"));
  const [filters, setFilters] = useCatalogueFilters();
  const [filtersTouched, setFiltersTouched] = useState(false);
  const options = useFilterOptions(
    filtersTouched || filters.country !== "" || filters.region !== "",
  );
  const list = useMunicipalities(filters);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <>
      <PageHeading>{t("catalogue.title")}</PageHeading>
      <p>{t("catalogue.intro")}</p>
      <CatalogueSearchForm
        value={filters}
        onChange={setFilters}
        options={options.data}
        onFiltersEngaged={() => setFiltersTouched(true)}
      />

      <section aria-labelledby="results-heading" aria-busy={list.isFetching}>
        <h2 id="results-heading" className="visually-hidden">
          {t("catalogue.results.heading")}
        </h2>
        {/* Announced politely after each search; kept outside the table so it is read once. */}
        <p className="results__summary" role="status">
          {list.isPending
            ? t("common.loading")
            : list.isError
              ? ""
              : total !== undefined
                ? t("catalogue.results.count", { count: total })
                : t("catalogue.results.shown", { count: items.length })}
        </p>
        {list.isPending ? null : list.isError && items.length === 0 ? (
          <ErrorView error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <div className="notice">
            <p className="notice__title">{t("catalogue.results.empty")}</p>
            <p>{t("catalogue.results.emptyHint")}</p>
          </div>
        ) : (
          <>
            {list.isError ? <ErrorView error={list.error} /> : null}
            <MunicipalityTable items={items} profilePath={profilePath} />
            <div className="load-more">
              {total !== undefined && total > items.length ? (
                <span className="muted">
                  {t("catalogue.results.showing", { shown: items.length, total })}
                </span>
              ) : null}
              {list.hasNextPage ? (
                <button
                  type="button"
                  className="button"
                  // aria-disabled, not disabled: the button keeps keyboard focus while the next page loads.
                  aria-disabled={list.isFetchingNextPage}
                  onClick={() => {
                    if (!list.isFetchingNextPage) void list.fetchNextPage();
                  }}
                >
                  {list.isFetchingNextPage ? t("catalogue.loadingMore") : t("catalogue.loadMore")}
                </button>
              ) : null}
            </div>
          </>
        )}
      </section>
    </>
  );
}
