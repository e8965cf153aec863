import {
  Questionnaire,
  type QuestionnaireReview,
  type QuestionnaireSubmission,
} from "@pobratym/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { QuestionnaireReviewPage } from "./questionnaire-review-page";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const answers = Questionnaire.parse({
  municipality: {
    country: "NO",
    officialCode: "0301",
    name: "Tromsø",
    region: { code: "55", name: "Troms" },
  },
  contact: { name: "Kari", email: "kari@tromso.example", languages: ["nb"] },
  motivation: "We want to help with heating.",
  expertise: [{ area: "energy-heating", experience: "expert" }],
  capacity: { partnerships: 1, staffHoursPerMonth: 40, annualBudgetEur: 20_000 },
  preferences: { regions: [], zone: "any", size: "any" },
  languages: ["nb", "en"],
  politicalDecision: { taken: true },
});
const submission: QuestionnaireSubmission = {
  id: "q-1",
  municipalityId: "no-0301",
  status: "submitted",
  submittedAt: "2026-01-01T00:00:00Z",
  reviewedAt: null,
  answers,
};
const partner = (id: string, code: string, name: string) => ({
  id,
  kind: "partner" as const,
  country: "NO",
  officialCode: code,
  names: { local: name },
  region: { code: "03", name: "Oslo" },
  status: "published" as const,
  workingLanguages: ["nb"],
  optOut: false,
  excludedIds: [],
  capacity: 1,
  politicalDecision: false,
  preferences: { regions: [], situations: [] },
  description: `The real ${name}.`,
});
const mismatch: QuestionnaireReview = {
  submission,
  target: partner("no-0301", "0301", "Oslo"),
  chosen: false,
  mismatches: ["name"],
  changes: [{ field: "description", before: "The real Oslo.", after: answers.motivation }],
  offerAreas: ["energy-heating"],
};
const picked: QuestionnaireReview = {
  ...mismatch,
  target: partner("no-5501", "5501", "Tromsø"),
  chosen: true,
  mismatches: [],
  changes: [
    { field: "description", before: "The real Tromsø.", after: answers.motivation },
    { field: "politicalDecision", before: false, after: true },
  ],
};

function mockApi() {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(String(input), "http://x");
    if (init?.method === "POST") {
      const body = init.body ? JSON.parse(String(init.body)) : {};
      return body.municipalityId === "no-5501"
        ? json(200, { ...submission, status: "accepted", municipalityId: "no-5501" })
        : json(
            422,
            {
              type: "urn:pobratym:problem:questionnaire-mismatch",
              title: "Questionnaire does not match the catalogue",
              status: 422,
              code: "questionnaire-mismatch",
              errors: [{ path: "municipality.name", message: "x", code: "name" }],
            },
            "application/problem+json",
          );
    }
    if (url.pathname.endsWith("/review"))
      return json(200, url.searchParams.get("municipalityId") === "no-5501" ? picked : mismatch);
    if (url.pathname.endsWith("/municipalities"))
      return json(200, {
        items: [
          {
            id: "no-5501",
            kind: "partner",
            country: "NO",
            officialCode: "5501",
            names: { local: "Tromsø" },
            region: { code: "03", name: "Oslo" },
            partnershipCount: 0,
            areas: [],
            status: "published",
          },
        ],
        nextCursor: null,
      });
    return json(404, {});
  });
}

describe("QuestionnaireReviewPage", () => {
  it("shows the whole submission, flags the mismatch and the refusal, and approves a pick after confirming", async () => {
    const fetch = mockApi();
    const user = userEvent.setup();
    renderWithProviders(<QuestionnaireReviewPage id="q-1" listPath="/list" />);
    await screen.findByText(
      "The answers do not match the catalogue. Municipality number 0301 belongs to Oslo.",
    );
    expect(
      screen.getByText("The name typed, Tromsø, is not a name or alias of Oslo."),
    ).toBeInTheDocument();
    expect(screen.getByText("kari@tromso.example")).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "What approval changes in Oslo" })).toHaveTextContent(
      "The real Oslo.",
    );

    // Approving as typed is refused by the API and said so.
    await user.click(screen.getByRole("button", { name: "Approve…" }));
    expect(screen.getByRole("button", { name: "Yes, approve" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByText(
      "Approval refused: the answers do not match Oslo. Choose the municipality explicitly to approve.",
    );
    expect(screen.getByRole("button", { name: "Approve…" })).toHaveFocus();

    // Pick Tromsø explicitly: the diff is that of Tromsø, and the approval names it.
    await user.click(await screen.findByRole("radio", { name: /Tromsø, Oslo \(number 5501\)/ }));
    await screen.findByText("You chose Tromsø; the name typed is not compared.");
    expect(
      screen.getByRole("table", { name: "What approval changes in Tromsø" }),
    ).toHaveTextContent("The real Tromsø.");
    await user.click(screen.getByRole("button", { name: "Approve…" }));
    expect(screen.getByText(/^2 fields of the profile change as listed above/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Yes, approve" }));
    await waitFor(() =>
      expect(
        fetch.mock.calls
          .filter(([, init]) => init?.method === "POST")
          .map(([, init]) => init?.body),
      ).toEqual([undefined, JSON.stringify({ municipalityId: "no-5501" })]),
    );
  });

  it("closes the confirmation with Escape without sending anything", async () => {
    const fetch = mockApi();
    const user = userEvent.setup();
    renderWithProviders(<QuestionnaireReviewPage id="q-1" listPath="/list" />);
    await user.click(await screen.findByRole("button", { name: "Approve…" }));
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Approve…" })).toHaveFocus();
    expect(fetch.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });
});
