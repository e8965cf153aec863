import type { ImportIssueSummary, ReferenceImportRecord } from "@pobratym/core";
import { situationLabel } from "@pobratym/core";
import { useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useImportList, useImportReport } from "../api/get-import-report";

/** Rows shown per table before "show all": the full list has hundreds of warnings. */
const FIRST_ROWS = 200;

function IssueTable({
  id,
  caption,
  issues,
}: {
  id: string;
  caption: string;
  issues: readonly ImportIssueSummary[];
}) {
  const { t, formatNumber } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {caption} ({formatNumber(issues.length)})
      </h2>
      {issues.length === 0 ? (
        <p>{t("imports.none")}</p>
      ) : (
        <ScrollRegion labelledBy={id}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("imports.file")}</th>
                <th scope="col">{t("imports.row")}</th>
                <th scope="col">{t("imports.field")}</th>
                <th scope="col">{t("imports.code")}</th>
                <th scope="col">{t("imports.message")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((issue, i) => (
                <tr key={`${issue.file}:${issue.row}:${issue.field ?? ""}:${i}`}>
                  <td>
                    <code>{issue.file}</code>
                  </td>
                  <td>{issue.row > 0 ? formatNumber(issue.row) : t("imports.wholeFile")}</td>
                  <td>{issue.field ? <code>{issue.field}</code> : "—"}</td>
                  <td>
                    <code>{issue.code}</code>
                  </td>
                  <td lang="en">{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {!all && issues.length > FIRST_ROWS ? (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {t("imports.showAll", { count: issues.length })}
        </button>
      ) : null}
    </section>
  );
}

function Outcome({ record }: { record: ReferenceImportRecord }) {
  const { t, formatDate } = useI18n();
  return (
    <span>
      <strong>{t(record.outcome === "refused" ? "imports.refused" : "imports.applied")}</strong>{" "}
      <time dateTime={record.at}>{formatDate(record.at)}</time>
      {record.source ? (
        <>
          {" · "}
          <code>{record.source}</code>
        </>
      ) : null}
    </span>
  );
}

/**
 * The reference imports (coordinators): the latest one's outcome and message, its errors and
 * warnings with file, row and field, the situations it changed, and the imports before it.
 */
export function ImportReportPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t("imports.title"));
  const [selected, setSelected] = useState<number | "latest">("latest");
  const report = useImportReport(selected);
  const list = useImportList();
  const none = report.error instanceof ApiError && report.error.status === 404;

  return (
    <div className="page">
      <PageHeading>{t("imports.title")}</PageHeading>
      <p>{t("imports.intro")}</p>
      {report.isPending ? <Loading /> : null}
      {none ? <p>{t("imports.nothingYet")}</p> : null}
      {report.error && !none ? (
        <ErrorView error={report.error} onRetry={() => void report.refetch()} />
      ) : null}
      {report.data ? (
        <>
          <p>
            <Outcome record={report.data.import} />
          </p>
          <p
            lang="en"
            className={
              report.data.import.outcome === "refused" ? "notice notice--error" : undefined
            }
          >
            {report.data.import.message}
          </p>
          <IssueTable
            id="import-errors"
            caption={t("imports.errors")}
            issues={report.data.errors}
          />
          <IssueTable
            id="import-warnings"
            caption={t("imports.warnings")}
            issues={report.data.warnings}
          />
          <section aria-labelledby="import-changes">
            <h2 id="import-changes">{t("imports.changes")}</h2>
            {report.data.situationChanges.length === 0 ? (
              <p>{t("imports.none")}</p>
            ) : (
              <ul>
                {report.data.situationChanges.slice(0, FIRST_ROWS).map((c) => (
                  <li key={c.id}>
                    {c.name}: {situationLabel(c.from, locale)} → {situationLabel(c.to, locale)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {list.data && list.data.items.length > 1 ? (
        <section aria-labelledby="import-history">
          <h2 id="import-history">{t("imports.history")}</h2>
          <ul>
            {list.data.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-pressed={selected === item.id}
                  onClick={() => setSelected(item.id)}
                >
                  <Outcome record={item} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
