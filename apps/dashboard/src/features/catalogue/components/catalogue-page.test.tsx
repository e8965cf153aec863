import type { MunicipalityPage } from "@pobratym/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { CataloguePage } from "./catalogue-page";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const page = (names: string[], nextCursor: string | null, total: number): MunicipalityPage => ({
  items: names.map((latin, i) => ({
    id: `ua-${latin}`,
    kind: "hromada",
    country: "UA",
    officialCode: `UA${String(i).padStart(17, "0")}`,
    names: { local: latin, latin },
    region: {
      code: "UA65000000000030969",
      name: "Херсонська",
      nameLatin: "Khersonska",
      iso: "UA-65",
    },
    population: 1000 * (i + 1),
    situation: "rear",
    partnershipCount: 0,
    areas: [],
    status: "published",
  })),
  nextCursor,
  total,
});

describe("CataloguePage", () => {
  it("lists the results with their count and loads the next page by cursor", async () => {
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValueOnce(json(200, page(["Alpha", "Beta"], "c2", 3)))
      .mockResolvedValueOnce(json(200, page(["Gamma"], null, 3)));
    const { container } = renderWithProviders(<CataloguePage profilePath={(id) => `/m/${id}`} />);

    expect(await screen.findByText("3 municipalities found")).toBeInTheDocument();
    // Text queries, not role queries: role queries over the whole form are slow in jsdom.
    expect(screen.getByText("Alpha").closest("a")).toHaveAttribute("href", "/m/ua-Alpha");
    await userEvent.click(screen.getByText("Load more"));
    expect(await screen.findByText("Gamma")).toBeInTheDocument();
    expect(container.querySelectorAll("tbody tr")).toHaveLength(3);
    expect(screen.queryByText("Load more")).not.toBeInTheDocument();
    expect(String(fetch.mock.calls[1]?.[0])).toContain("cursor=c2");
  });

  it("sends the filters from the URL to the API", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(json(200, page([], null, 0)));
    renderWithProviders(<CataloguePage profilePath={(id) => id} />, {
      route: "/?q=Cherson&situation=frontline&hasPartner=false",
    });
    expect(await screen.findByText("No municipality matches your search.")).toBeInTheDocument();
    const url = new URL(String(fetch.mock.calls[0]?.[0]), "http://x");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: "Cherson",
      situation: "frontline",
      hasPartner: "false",
      limit: "50",
    });
  });

  it("shows the problem's title and field errors when the API rejects the search", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      json(
        400,
        {
          type: "urn:pobratym:problem:validation",
          title: "The request is not valid",
          status: 400,
          code: "validation-failed",
          errors: [{ path: "minPopulation", message: "Too small: expected number to be >=0" }],
        },
        "application/problem+json",
      ),
    );
    renderWithProviders(<CataloguePage profilePath={(id) => id} />, {
      route: "/?minPopulation=-5",
    });
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The request is not valid")).toBeInTheDocument();
    expect(within(alert).getByText("minPopulation")).toBeInTheDocument();
    expect(alert).toHaveTextContent("Too small: expected number to be >=0");
    expect(within(alert).getByText("Error code: validation-failed")).toBeInTheDocument();
  });
});
