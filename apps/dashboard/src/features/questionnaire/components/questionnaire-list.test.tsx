import {
  Questionnaire,
  type QuestionnaireStatus,
  type QuestionnaireSubmission,
} from "@pobratym/core";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { QuestionnaireList } from "./questionnaire-list";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const answers = Questionnaire.parse({
  municipality: {
    country: "SE",
    officialCode: "0780",
    name: "Växjö",
    region: { code: "SE-G", name: "Kronobergs län", iso: "SE-G" },
    population: 95_000,
  },
  contact: { name: "Anna", email: "anna@vaxjo.se", languages: ["sv", "en"] },
  motivation: "We want to help.",
  expertise: [{ area: "water-sanitation", experience: "expert" }],
  capacity: { partnerships: 1, staffHoursPerMonth: 40, annualBudgetEur: 20_000 },
  preferences: { regions: ["UA-65"], zone: "any", size: "any" },
  languages: ["en", "sv"],
  politicalDecision: { taken: true, date: "2025-05-01" },
});

const submission = (status: QuestionnaireStatus): QuestionnaireSubmission => ({
  id: "q-1",
  municipalityId: status === "rejected" ? null : "se-draft-1",
  status,
  submittedAt: "2026-01-01T00:00:00Z",
  reviewedAt: status === "submitted" ? null : "2026-01-02T00:00:00Z",
  answers,
});

/** Answers GET /questionnaires with each list in turn (the last repeats) and each POST in turn. */
function mockApi(lists: QuestionnaireSubmission[][], posts: Response[]) {
  let list = 0;
  let post = 0;
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
    if (init?.method === "POST") return posts[post++] ?? json(500, {});
    if (/\/questionnaires$/.test(String(url)))
      return json(200, { items: lists[Math.min(list++, lists.length - 1)] });
    return json(404, {});
  });
}

const postCalls = (fetch: ReturnType<typeof mockApi>) =>
  fetch.mock.calls.filter(([, init]) => init?.method === "POST");

const renderList = () =>
  renderWithProviders(
    <QuestionnaireList
      suggestionsPath={(id) => `/s/${id}`}
      reviewPath={(id) => `/r/${id}`}
      newPath="/q"
    />,
  );

describe("QuestionnaireList rejection", () => {
  it("rejects by keyboard after a confirmation with a reason, and says so", async () => {
    const user = userEvent.setup();
    const rejected = submission("rejected");
    const fetch = mockApi([[submission("submitted")], [rejected]], [json(200, rejected)]);
    renderList();
    const reject = await screen.findByRole("button", { name: "Reject: Växjö" });
    reject.focus();
    await user.keyboard("{Enter}");
    expect(reject).toHaveAttribute("aria-expanded", "true");
    const form = screen.getByRole("form", { name: "Reject the questionnaire from Växjö?" });
    expect(form).toHaveAccessibleDescription(/draft profile is removed from the catalogue/);
    // Opening the confirmation sends nothing yet.
    expect(postCalls(fetch)).toHaveLength(0);
    const reason = within(form).getByLabelText("Reason (optional)");
    expect(reason).toHaveFocus();
    await user.keyboard("Duplicate of an earlier submission");
    await user.tab();
    expect(within(form).getByRole("button", { name: "Reject questionnaire" })).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(
      await screen.findByText("The questionnaire from Växjö has been rejected."),
    ).toHaveAttribute("role", "status");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    const row = screen.getByRole("row", { name: /^Växjö/ });
    expect(row).toHaveTextContent("Rejected");
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
    await vi.waitFor(() => expect(within(row).getByRole("rowheader")).toHaveFocus());
    const [call] = postCalls(fetch);
    expect(String(call?.[0])).toMatch(/\/api\/v1\/questionnaires\/q-1\/reject$/);
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      note: "Duplicate of an earlier submission",
    });
  });

  it("sends no reason when none is given", async () => {
    const user = userEvent.setup();
    const fetch = mockApi([[submission("submitted")]], [json(200, submission("rejected"))]);
    renderList();
    await user.click(await screen.findByRole("button", { name: "Reject: Växjö" }));
    await user.click(screen.getByRole("button", { name: "Reject questionnaire" }));
    await screen.findByText("The questionnaire from Växjö has been rejected.");
    expect(JSON.parse(String(postCalls(fetch)[0]?.[1]?.body))).toEqual({});
  });

  it("cancels with Escape, returning focus to the Reject button and sending nothing", async () => {
    const user = userEvent.setup();
    const fetch = mockApi([[submission("submitted")]], []);
    renderList();
    const reject = await screen.findByRole("button", { name: "Reject: Växjö" });
    await user.click(reject);
    await user.keyboard("Not sure");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(reject).toHaveFocus();
    expect(reject).toHaveAttribute("aria-expanded", "false");
    expect(postCalls(fetch)).toHaveLength(0);
  });

  it("checks the reason with the core schema before sending anything", async () => {
    const user = userEvent.setup();
    const fetch = mockApi([[submission("submitted")]], []);
    renderList();
    await user.click(await screen.findByRole("button", { name: "Reject: Växjö" }));
    const reason = screen.getByLabelText("Reason (optional)");
    fireEvent.change(reason, { target: { value: "x".repeat(2001) } });
    await user.click(screen.getByRole("button", { name: "Reject questionnaire" }));
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(reason).toHaveAccessibleDescription(/Use at most 2,000 characters\.$/);
    expect(reason).toHaveFocus();
    expect(postCalls(fetch)).toHaveLength(0);
  });

  it("shows the API's problem when someone else reviewed it first (409)", async () => {
    const user = userEvent.setup();
    mockApi(
      [[submission("submitted")], [submission("accepted")]],
      [
        json(
          409,
          {
            type: "about:blank",
            title: "Conflict",
            status: 409,
            code: "conflict",
            detail: "The questionnaire was already accepted.",
          },
          "application/problem+json",
        ),
      ],
    );
    renderList();
    await user.click(await screen.findByRole("button", { name: "Reject: Växjö" }));
    await user.click(screen.getByRole("button", { name: "Reject questionnaire" }));
    const alert = await within(screen.getByRole("form")).findByRole("alert");
    expect(alert).toHaveTextContent("Conflict");
    expect(alert).toHaveTextContent("The questionnaire was already accepted.");
    // The list was refetched: the row now shows what the other coordinator did.
    await vi.waitFor(() =>
      expect(screen.getByRole("row", { name: /^Växjö/ })).toHaveTextContent("Approved"),
    );
    expect(screen.queryByText(/has been rejected/)).not.toBeInTheDocument();
  });
});
