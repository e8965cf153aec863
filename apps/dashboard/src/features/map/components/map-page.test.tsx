import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { mapApi } from "../map-fixtures.test-helpers";
import { MapPage } from "./map-page";

/** Shows where the router is, so tests can read the URL the page wrote. */
function Where() {
  const { pathname, search } = useLocation();
  return <div data-testid="where">{pathname + search}</div>;
}

const renderMap = (route = "/map") => {
  const fetch = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async (input: RequestInfo | URL) => mapApi(String(input)));
  const view = renderWithProviders(
    <>
      <MapPage profilePath={(id) => `/municipalities/${id}`} regionPath={(r) => `/?region=${r}`} />
      <Where />
    </>,
    { route },
  );
  const where = () => screen.getByTestId("where").textContent;
  return { ...view, fetch, where };
};

// The first Europe view in a test file parses world-atlas's 1:50m countries (~750 kB): give it time.
const OUTLINES = { timeout: 10_000 };

const requested = (fetch: ReturnType<typeof renderMap>["fetch"]) =>
  fetch.mock.calls.map(([input]) => new URL(String(input), "http://test").search);

describe("MapPage", () => {
  it("opens on Ukraine's hromadas and does not load the partners", async () => {
    const { container, fetch } = renderMap();
    await waitFor(() => expect(container.querySelectorAll("circle.map-point")).toHaveLength(3));
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["Hromadas in Ukraine", "Partners in Europe"]);
    expect(tabs[0]).toHaveAttribute("aria-selected", "true");
    expect(tabs[1]).toHaveAttribute("tabindex", "-1");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("Hromadas in Ukraine");
    expect(requested(fetch)).not.toContain("?kind=partner&format=geojson");
  });

  it("switches to Europe from the keyboard, keeps it in the URL and draws the partners over country outlines", async () => {
    const { container, fetch, where } = renderMap();
    const ukraine = await screen.findByRole("tab", { name: "Hromadas in Ukraine" });
    ukraine.focus();
    await userEvent.keyboard("{ArrowRight}");

    const europe = screen.getByRole("tab", { name: "Partners in Europe" });
    expect(europe).toHaveAttribute("aria-selected", "true");
    expect(europe).toHaveFocus();
    expect(where()).toBe("/map?view=europe");
    await screen.findByRole(
      "img",
      { name: "Map of Europe with 3 partner municipalities, coloured by partnership status" },
      OUTLINES,
    );
    expect(requested(fetch)).toContain("?kind=partner&format=geojson");
    expect(container.querySelectorAll("circle.map-point")).toHaveLength(3);
    // world-atlas, loaded on demand: Europe's countries, Ukraine tinted, nothing from other continents.
    const countries = container.querySelectorAll("path.map-country");
    expect(countries.length).toBeGreaterThan(30);
    expect(countries.length).toBeLessThan(90);
    expect(container.querySelectorAll("path.map-country--ukraine")).toHaveLength(1);
    // Colour by partnership status, with counts in the legend; no situation colouring here.
    const legend = within(screen.getByRole("region", { name: "Legend" }));
    expect(legend.getByText("Has a partner (1)")).toBeInTheDocument();
    expect(legend.getByText("No partner yet (2)")).toBeInTheDocument();
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
    const vaxjo = container.querySelector('circle[data-id="se-vaxjo"]');
    expect(vaxjo).toHaveAttribute("fill", "#009e73");
    // Its name comes from the map's one tooltip, on pointing at it.
    await userEvent.hover(vaxjo as Element);
    expect(container.querySelector(".map-tooltip")).toHaveTextContent(
      "Växjö, Kronobergs län, Sweden: Has a partner",
    );
    await userEvent.unhover(vaxjo as Element);
    expect(
      screen.getByRole("table", { name: "Partner municipalities by country and region" }),
    ).toBeInTheDocument();

    await userEvent.keyboard("{Home}");
    expect(ukraine).toHaveAttribute("aria-selected", "true");
    expect(where()).toBe("/map");
  });

  it("names the chosen view in the heading and the document title", async () => {
    const { where } = renderMap();
    await screen.findByRole("heading", { level: 1, name: "Map of hromadas" });
    await waitFor(() => expect(document.title).toBe("Map of hromadas – Pobratym"));
    await userEvent.click(screen.getByRole("tab", { name: "Partners in Europe" }));
    expect(where()).toBe("/map?view=europe");
    expect(
      screen.getByRole("heading", { level: 1, name: "Map of partner municipalities" }),
    ).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe("Map of partner municipalities – Pobratym"));
  });

  it("names the Europe view in Ukrainian too, straight from a shared link", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL) =>
      mapApi(String(input)),
    );
    renderWithProviders(
      <MapPage profilePath={(id) => `/municipalities/${id}`} regionPath={(r) => `/?region=${r}`} />,
      { route: "/map?view=europe", locale: "uk" },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Мапа муніципалітетів-партнерів" }),
    ).toBeInTheDocument();
  });

  it("draws partnered hromadas over the others on the Ukraine view when coloured by partnership", async () => {
    const user = userEvent.setup();
    const { container } = renderMap();
    await waitFor(() => expect(container.querySelectorAll("circle.map-point")).toHaveLength(3));
    const ids = () =>
      [...container.querySelectorAll("circle.map-point")].map((c) => c.getAttribute("data-id"));
    // By situation, the catalogue's order (Kherson, the one partnered hromada, comes first).
    expect(ids()[0]).toBe("ua-kherson");
    await user.click(screen.getByLabelText("Partnership status"));
    expect(ids().at(-1)).toBe("ua-kherson");
    expect(container.querySelector('circle[data-id="ua-kherson"]')).toHaveAttribute(
      "fill",
      "#009e73",
    );
  });

  it("opens the Europe view from a shared link and a dot's profile on click", async () => {
    const { container, where } = renderMap("/map?view=europe");
    await waitFor(
      () => expect(container.querySelectorAll("circle.map-point")).toHaveLength(3),
      OUTLINES,
    );
    expect(screen.getByRole("tab", { name: "Partners in Europe" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const tromso = container.querySelector('circle[data-id="no-tromso"]');
    if (!tromso) throw new Error("no Tromsø dot");
    await userEvent.click(tromso);
    expect(where()).toBe("/municipalities/no-tromso");
  });

  it("reaches every dot from the keyboard: pick a region, tab to a municipality, ring its dot, open it", async () => {
    const user = userEvent.setup();
    const { container, where } = renderMap("/map?view=europe");
    const picker = await screen.findByLabelText("Region", undefined, OUTLINES);
    // Two countries: regions are grouped under them.
    expect(
      within(picker)
        .getAllByRole("group")
        .map((g) => g.getAttribute("label")),
    ).toEqual(["Norway", "Sweden"]);
    await user.selectOptions(picker, "SE-G");
    expect(where()).toBe("/map?view=europe&region=SE-G");
    expect(screen.getByRole("status")).toHaveTextContent("2 municipalities in Kronobergs län");
    const list = screen.getByRole("list", { name: "Kronobergs län" });
    const links = within(list).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Alvesta", "Växjö"]);
    expect(list).toHaveTextContent("VäxjöHas a partner");

    await user.tab();
    expect(links[0]).toHaveFocus();
    await user.tab();
    expect(links[1]).toHaveFocus();
    expect(container.querySelector(".map-highlight")).toHaveAttribute("data-highlight", "se-vaxjo");
    const dot = container.querySelector('circle[data-id="se-vaxjo"]');
    const ring = container.querySelector(".map-highlight circle");
    expect(ring?.getAttribute("cx")).toBe(dot?.getAttribute("cx"));
    await user.keyboard("{Enter}");
    expect(where()).toBe("/municipalities/se-vaxjo");
  });

  it("keeps the colouring and the oblast in the URL on the Ukraine view and outlines nothing it lacks", async () => {
    const user = userEvent.setup();
    const { container, where } = renderMap("/map?region=UA-65");
    const picker = await screen.findByLabelText("Oblast");
    expect(picker).toHaveValue("UA-65");
    // One country: no groups.
    expect(within(picker).queryAllByRole("group")).toHaveLength(0);
    const list = screen.getByRole("list", { name: "Khersonska" });
    expect(
      within(list)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["Bilozerska", "Khersonska"]);
    expect(list).toHaveTextContent("KhersonskaHostilities or frontline");

    await user.click(screen.getByLabelText("Partnership status"));
    expect(where()).toBe("/map?colour=partnership&region=UA-65");
    expect(list).toHaveTextContent("KhersonskaHas a partner");
    expect(list).toHaveTextContent("BilozerskaNo partner yet");
    // No oblast shapes from the API here: a graticule, and a notice that says so.
    expect(container.querySelector("path.map-graticule")).toBeInTheDocument();
    expect(screen.getByText(/Oblast borders are not available yet/)).toBeInTheDocument();

    await user.selectOptions(picker, "");
    expect(where()).toBe("/map?colour=partnership");
    expect(screen.queryByRole("list", { name: "Khersonska" })).not.toBeInTheDocument();
  });
});
