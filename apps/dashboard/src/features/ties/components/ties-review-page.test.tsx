import type { TieReview, TieStatus, TieSummary } from "@pobratym/core";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { TiesReviewPage } from "./ties-review-page";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const problem = (status: number, body: Record<string, unknown>) =>
  json(status, { type: "about:blank", status, ...body }, "application/problem+json");

const summary = (
  status: TieStatus,
  version: number,
  extra: { decisionDate?: string; decision?: string } = {},
  municipality = { id: "ua-zhytomyr", name: "Zhytomyr" },
  town = "Kursk",
): TieSummary => ({
  tie: {
    id: `tie-${town.toLowerCase()}`,
    municipalityId: municipality.id,
    foreignTown: town,
    foreignCountry: "RU",
    type: "twin-town",
    status,
    ...extra,
  },
  municipality: { ...municipality, country: "UA", region: "Zhytomyr oblast" },
  reviewCountry: true,
  needsReview: status === "active" || status === "under-review",
  version,
});

const review = (...items: TieSummary[]): TieReview => ({
  counts: [{ status: "active", count: items.length }],
  items,
});

/** Answers GET /ties/review with each list in turn (the last one repeats) and each PATCH in turn. */
function mockApi(lists: TieReview[], patches: Response[]) {
  let list = 0;
  let patch = 0;
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
    if (init?.method === "PATCH") return patches[patch++] ?? json(500, {});
    if (String(url).includes("/ties/review"))
      return json(200, lists[Math.min(list++, lists.length - 1)]);
    return json(404, {});
  });
}

const patchCalls = (fetch: ReturnType<typeof mockApi>) =>
  fetch.mock.calls.filter(([, init]) => init?.method === "PATCH");

const everyone = () => true;

describe("TiesReviewPage", () => {
  it("names an oblast in Latin script for English readers and in Cyrillic for Ukrainian ones", async () => {
    const tie = summary("active", 1);
    const item = {
      ...tie,
      municipality: { ...tie.municipality, region: "Житомирська", regionLatin: "Zhytomyrska" },
    };
    mockApi([review(item)], []);
    const english = renderWithProviders(<TiesReviewPage profilePath={(id) => id} />);
    expect(await screen.findByText("Zhytomyrska")).toBeInTheDocument();
    expect(screen.queryByText("Житомирська")).not.toBeInTheDocument();
    english.unmount();
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} />, { locale: "uk" });
    expect(await screen.findByText("Житомирська")).toBeInTheDocument();
  });

  it("offers no decision form to visitors", async () => {
    mockApi([review(summary("active", 1))], []);
    renderWithProviders(<TiesReviewPage profilePath={(id) => `/m/${id}`} />);
    await screen.findByRole("table");
    expect(screen.queryByRole("columnheader", { name: "Actions" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Record decision/ })).not.toBeInTheDocument();
  });

  it("offers the form only on ties of the editor's own municipality", async () => {
    mockApi(
      [
        review(
          summary("active", 1),
          summary("active", 1, {}, { id: "ua-bilozerka", name: "Bilozerka" }, "Orel"),
        ),
      ],
      [],
    );
    renderWithProviders(
      <TiesReviewPage profilePath={(id) => id} canDecide={(id) => id === "ua-bilozerka"} />,
    );
    await screen.findByRole("table");
    expect(
      screen.getAllByRole("button", { name: /^Record decision/ }).map((b) => b.textContent),
    ).toEqual(["Record decision: Bilozerka – Orel"]);
  });

  it("records a decision by keyboard, sending the version read as If-Match, and says so", async () => {
    const user = userEvent.setup();
    const decided = summary("frozen", 4, {
      decisionDate: "2026-03-01",
      decision: "Council froze the tie.",
    });
    const fetch = mockApi([review(summary("active", 3)), review(decided)], [json(200, decided)]);
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} canDecide={everyone} />);

    const toggle = await screen.findByRole("button", {
      name: "Record decision: Zhytomyr – Kursk",
    });
    toggle.focus();
    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const form = screen.getByRole("form", { name: "Record the decision on Zhytomyr – Kursk" });
    const status = within(form).getByLabelText("New status");
    expect(status).toHaveFocus();
    expect(status).toHaveValue("active");
    await user.selectOptions(status, "frozen");
    // jsdom drops partial dates while typing, so set the date picker's value in one go.
    fireEvent.change(within(form).getByLabelText("Decision date"), {
      target: { value: "2026-03-01" },
    });
    await user.type(within(form).getByLabelText("Decision"), "Council froze the tie.");
    await user.click(within(form).getByRole("button", { name: "Save decision" }));

    expect(
      await screen.findByText("Decision recorded: Zhytomyr – Kursk is now Frozen."),
    ).toHaveAttribute("role", "status");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    await vi.waitFor(() =>
      expect(screen.getByRole("button", { name: /^Record decision/ })).toHaveFocus(),
    );
    expect(screen.getByRole("row", { name: /^Zhytomyr/ })).toHaveTextContent(
      "Council froze the tie.",
    );
    const [call] = patchCalls(fetch);
    expect(String(call?.[0])).toMatch(/\/api\/v1\/ties\/tie-kursk$/);
    expect(call?.[1]?.headers).toMatchObject({ "if-match": '"3"' });
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      status: "frozen",
      decisionDate: "2026-03-01",
      decision: "Council froze the tie.",
    });
  });

  it("says someone else changed the tie on 412 and reloads the latest version into the form", async () => {
    const user = userEvent.setup();
    const theirs = summary("terminated", 4, { decisionDate: "2026-02-01", decision: "Ended." });
    const ours = summary("frozen", 5);
    const stale = () => problem(412, { title: "Precondition failed", code: "precondition-failed" });
    const fetch = mockApi(
      [review(summary("active", 3)), review(theirs), review(theirs), review(theirs), review(ours)],
      [stale(), stale(), json(200, ours)],
    );
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} canDecide={everyone} />);
    await user.click(await screen.findByRole("button", { name: /^Record decision/ }));
    const form = screen.getByRole("form");
    await user.selectOptions(within(form).getByLabelText("New status"), "frozen");
    await user.click(within(form).getByRole("button", { name: "Save decision" }));

    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this tie");
    expect(alert).toHaveTextContent("Zhytomyr – Kursk was changed by someone else");
    // Nothing was overwritten: the form still holds our choice, and saving again before reloading
    // still names the version it was filled in against, even though the table shows the new one.
    expect(within(form).getByLabelText("New status")).toHaveValue("frozen");
    expect(screen.getByRole("row", { name: /^Zhytomyr/ })).toHaveTextContent("Terminated");
    await user.click(within(form).getByRole("button", { name: "Save decision" }));
    await vi.waitFor(() => expect(patchCalls(fetch)).toHaveLength(2));
    const again = await within(form).findByRole("alert");

    await user.click(within(again).getByRole("button", { name: "Reload the latest version" }));
    await vi.waitFor(() =>
      expect(within(form).getByLabelText("New status")).toHaveValue("terminated"),
    );
    expect(within(form).getByLabelText("Decision date")).toHaveValue("2026-02-01");
    expect(within(form).getByLabelText("Decision")).toHaveValue("Ended.");
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
    expect(within(form).getByLabelText("New status")).toHaveFocus();

    await user.selectOptions(within(form).getByLabelText("New status"), "frozen");
    await user.click(within(form).getByRole("button", { name: "Save decision" }));
    await screen.findByText("Decision recorded: Zhytomyr – Kursk is now Frozen.");
    const calls = patchCalls(fetch);
    const ifMatch = calls.map(([, init]) => new Headers(init?.headers).get("if-match"));
    expect(ifMatch).toEqual(['"3"', '"3"', '"4"']);
  });

  it("checks the decision with the core schema before sending anything", async () => {
    const user = userEvent.setup();
    const fetch = mockApi([review(summary("active", 3))], []);
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} canDecide={everyone} />);
    await user.click(await screen.findByRole("button", { name: /^Record decision/ }));
    const note = screen.getByLabelText("Decision");
    fireEvent.change(note, { target: { value: "x".repeat(1001) } });
    await user.click(screen.getByRole("button", { name: "Save decision" }));

    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription(
      "What was decided and by whom, for example the council minute. At most 1,000 characters. Use at most 1,000 characters.",
    );
    expect(note).toHaveFocus();
    expect(patchCalls(fetch)).toHaveLength(0);
  });

  it("shows the API's problem title and field errors on other failures", async () => {
    const user = userEvent.setup();
    mockApi(
      [review(summary("active", 3))],
      [
        problem(400, {
          title: "The request is not valid",
          code: "validation-failed",
          errors: [{ path: "json.decisionDate", message: "Invalid ISO date" }],
        }),
      ],
    );
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} canDecide={everyone} />);
    await user.click(await screen.findByRole("button", { name: /^Record decision/ }));
    await user.click(screen.getByRole("button", { name: "Save decision" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The request is not valid");
    expect(alert).toHaveTextContent("json.decisionDate: Invalid ISO date");
    expect(alert).toHaveTextContent("validation-failed");
  });

  it("closes the form with Escape and returns focus to its button", async () => {
    const user = userEvent.setup();
    const fetch = mockApi([review(summary("active", 3))], []);
    renderWithProviders(<TiesReviewPage profilePath={(id) => id} canDecide={everyone} />);
    const toggle = await screen.findByRole("button", { name: /^Record decision/ });
    await user.click(toggle);
    await user.type(screen.getByLabelText("Decision"), "Draft");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(patchCalls(fetch)).toHaveLength(0);
  });
});
