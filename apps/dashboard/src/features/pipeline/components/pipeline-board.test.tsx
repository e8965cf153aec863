import type { PartnershipDetail, PartnershipSummary, Stage } from "@pobratym/core";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { PipelineBoard } from "./pipeline-board";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const card = (stage: Stage, version: number, dormant = false): PartnershipSummary => ({
  id: "p-1",
  hromada: { id: "ua-1", name: "Bilozerka", country: "UA" },
  partners: [{ id: "se-0780", name: "Växjö", country: "SE" }],
  agreementType: "municipal-partnership",
  areas: ["water-sanitation"],
  funding: ["icld"],
  stage,
  startedAt: "2025-01-01T00:00:00Z",
  lastActivityAt: "2025-02-01T00:00:00Z",
  dormant,
  version,
});

const detail = (stage: Stage, version: number): PartnershipDetail => ({
  partnership: {
    id: "p-1",
    hromadaId: "ua-1",
    partnerIds: ["se-0780"],
    agreementType: "municipal-partnership",
    areas: ["water-sanitation"],
    funding: ["icld"],
    stage,
    history: [{ from: null, to: stage, at: "2025-01-01T00:00:00Z", by: "test" }],
  },
  hromada: { id: "ua-1", name: "Bilozerka", country: "UA" },
  partners: [{ id: "se-0780", name: "Växjö", country: "SE" }],
  allowedMoves: [],
  dormant: false,
  version,
});

const page = (items: PartnershipSummary[]) => ({ items, nextCursor: null, total: items.length });

/** Routes fetch by method and path; `moves` answers each POST in turn. */
function mockApi(lists: PartnershipSummary[][], moves: Response[]) {
  let list = 0;
  let move = 0;
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
    if (init?.method === "POST") return moves[move++] ?? json(500, {});
    if (String(url).includes("/partnerships?"))
      return json(200, page(lists[Math.min(list++, lists.length - 1)] ?? []));
    return json(404, {});
  });
}

const column = (name: RegExp) => screen.getByRole("region", { name });

describe("PipelineBoard", () => {
  it("moves a card with the keyboard to an allowed stage, sending its version, and keeps focus on it", async () => {
    const user = userEvent.setup();
    const fetch = mockApi(
      [[card("contact", 3)], [card("letter-of-intent", 4)]],
      [json(200, detail("letter-of-intent", 4))],
    );
    renderWithProviders(<PipelineBoard profilePath={(id) => `/m/${id}`} />);

    const contact = await screen.findByRole("region", { name: /^Contact/ });
    const move = within(contact).getByRole("button", { name: "Move: Bilozerka – Växjö" });
    move.focus();
    await user.keyboard("{Enter}");
    const menu = within(contact).getByRole("list", { name: "Move Bilozerka – Växjö to" });
    expect(
      within(menu)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Move to Letter of intent", "Move to Interest", "Move to Ended"]);
    expect(within(menu).getByRole("button", { name: "Move to Letter of intent" })).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(
      await screen.findByText("Bilozerka – Växjö moved to Letter of intent."),
    ).toBeInTheDocument();
    const target = column(/^Letter of intent/);
    const moved = within(target).getByRole("article");
    await vi.waitFor(() => expect(moved).toHaveFocus());
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
    expect(String(post?.[0])).toMatch(/\/partnerships\/p-1\/moves$/);
    expect(post?.[1]?.headers).toMatchObject({ "if-match": '"3"' });
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ to: "letter-of-intent" });
  });

  it("closes the move menu with Escape and returns focus to its button", async () => {
    const user = userEvent.setup();
    mockApi([[card("contact", 3)]], []);
    renderWithProviders(<PipelineBoard profilePath={(id) => id} />);
    const contact = await screen.findByRole("region", { name: /^Contact/ });
    const move = within(contact).getByRole("button", { name: "Move: Bilozerka – Växjö" });
    await user.click(move);
    expect(within(contact).getByRole("button", { name: "Move to Letter of intent" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(move).toHaveFocus();
    expect(move).toHaveAttribute("aria-expanded", "false");
  });

  it("shows the allowed moves when the API refuses an illegal move (409)", async () => {
    mockApi(
      [[card("contact", 3)]],
      [
        json(
          409,
          {
            type: "urn:pobratym:problem:illegal-transition",
            title: "Illegal move",
            status: 409,
            code: "illegal-transition",
            allowed: ["letter-of-intent", "interest", "ended"],
          },
          "application/problem+json",
        ),
      ],
    );
    renderWithProviders(<PipelineBoard profilePath={(id) => id} />);
    const contact = await screen.findByRole("region", { name: /^Contact/ });
    // An illegal move can only come from a drop; simulate it on the "Active" column.
    const article = within(contact).getByRole("article");
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (k: string, v: string) => data.set(k, v),
      getData: (k: string) => data.get(k) ?? "",
      effectAllowed: "",
    };
    fireEvent.dragStart(article, { dataTransfer });
    fireEvent.drop(column(/^Active/), { dataTransfer });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("A partnership cannot move from Contact to Active.");
    expect(
      within(alert)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Move to Letter of intent", "Move to Interest", "Move to Ended"]);
  });

  it("says someone else changed the partnership on 412 and marks dormant cards in words", async () => {
    const user = userEvent.setup();
    mockApi(
      [[card("contact", 3, true)]],
      [
        json(
          412,
          { type: "x", title: "Precondition failed", status: 412, code: "stale-version" },
          "application/problem+json",
        ),
      ],
    );
    renderWithProviders(<PipelineBoard profilePath={(id) => id} />);
    const contact = await screen.findByRole("region", { name: /^Contact/ });
    expect(within(contact).getByText(/^Dormant: no change since/)).toBeInTheDocument();
    await user.click(within(contact).getByRole("button", { name: /^Move/ }));
    await user.click(within(contact).getByRole("button", { name: "Move to Interest" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this partnership");
  });
});
