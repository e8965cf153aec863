import { ReferenceImportList, ReferenceImportReport } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

/** Query options for the latest reference imports (coordinators). */
export function getImportListQueryOptions() {
  return queryOptions({
    queryKey: ["reference-imports", "list"],
    queryFn: ({ signal }) => apiGet("/reference/imports", ReferenceImportList, { signal }),
  });
}

/** Query options for one import's report; `latest` for the newest. */
export function getImportReportQueryOptions(id: number | "latest") {
  return queryOptions({
    queryKey: ["reference-imports", "report", id],
    queryFn: ({ signal }) => apiGet(`/reference/imports/${id}`, ReferenceImportReport, { signal }),
  });
}

/** The latest reference imports, newest first. */
export function useImportList() {
  return useQuery(getImportListQueryOptions());
}

/** One reference import's report: errors and warnings with file, row and field. */
export function useImportReport(id: number | "latest") {
  return useQuery(getImportReportQueryOptions(id));
}
