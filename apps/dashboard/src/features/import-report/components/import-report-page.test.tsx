import type { ReferenceImportList, ReferenceImportReport } from "@pobratym/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { ImportReportPage } from "./import-report-page";

const refused: ReferenceImportReport = {
  import: {
    id: 2,
    at: "2026-11-24T12:00:00.000Z",
    source: "/srv/reference",
    outcome: "refused",
    message: "refused the reference import: 2 problem(s) in the files, nothing was changed.",
    errorCount: 2,
    warningCount: 1,
    situationChangeCount: 0,
  },
  errors: [
    {
      file: "ua-hromadas-war-status-2022.csv",
      row: 0,
      code: "wrong-delimiter",
      message: "separates its fields with semicolons",
    },
    {
      file: "se-kommuner.csv",
      row: 7,
      line: 8,
      field: "population_2024",
      code: "impossible-value",
      message: "a population of 0 is impossible",
    },
  ],
  warnings: [
    {
      file: "twinnings-wikipedia-ua-se-no.csv",
      row: 12,
      field: "city",
      code: "unresolved-town",
      message: "no municipality named Foo",
    },
  ],
  situationChanges: [],
};
const applied: ReferenceImportReport = {
  ...refused,
  import: {
    ...refused.import,
    id: 1,
    outcome: "applied",
    message: "imported 2117 new",
    errorCount: 0,
  },
  errors: [],
  situationChanges: [{ id: "ua-1", name: "Херсонська", from: "occupied", to: "deoccupied" }],
};
const list: ReferenceImportList = { items: [refused.import, applied.import] };

function serve(report: ReferenceImportReport | null) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = String(input);
    const body = url.includes("/reference/imports/1")
      ? applied
      : url.includes("/reference/imports/")
        ? report
        : list;
    if (body === null)
      return Response.json(
        { type: "about:blank", title: "Not found", status: 404, code: "not-found" },
        { status: 404, headers: { "content-type": "application/problem+json" } },
      );
    return Response.json(body);
  });
}

describe("ImportReportPage", () => {
  it("shows a refused import with its errors by file, row and field", async () => {
    serve(refused);
    renderWithProviders(<ImportReportPage />);
    const [errors] = await screen.findAllByRole("region", { name: /Errors \(2\)/ });
    if (!errors) throw new Error("no errors section");
    const rows = within(errors).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(
      /ua-hromadas-war-status-2022\.csv\s*whole file.*wrong-delimiter/,
    );
    expect(rows[2]).toHaveTextContent(/se-kommuner\.csv\s*7\s*population_2024\s*impossible-value/);
    expect(screen.getByText(/^refused the reference import/)).toBeInTheDocument();
    expect(screen.getAllByRole("region", { name: /Warnings \(1\)/ })[0]).toHaveTextContent(
      "unresolved-town",
    );
  });

  it("opens an earlier import and its situation changes", async () => {
    serve(refused);
    renderWithProviders(<ImportReportPage />);
    await userEvent.click(await screen.findByRole("button", { name: /Applied/ }));
    expect(await screen.findByText(/Херсонська: Occupied → De-occupied/i)).toBeInTheDocument();
  });

  it("says so when nothing was imported yet, in Ukrainian too", async () => {
    serve(null);
    renderWithProviders(<ImportReportPage />, { locale: "uk" });
    expect(
      await screen.findByText("Імпорт довідкових даних ще не виконувався."),
    ).toBeInTheDocument();
  });
});
