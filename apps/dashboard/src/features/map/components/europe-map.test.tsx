import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PARTNERS, point } from "../map-fixtures.test-helpers";
import { EuropeMap } from "./europe-map";
import { MAP_HEIGHT, MAP_WIDTH } from "./map-canvas";

const lisbon = point({
  id: "pt-lisboa",
  kind: "partner",
  country: "PT",
  names: { local: "Lisboa" },
  region: { code: "11", name: "Lisboa" },
  centre: { lat: 38.72, lon: -9.14 },
});

const draw = (points = PARTNERS) =>
  render(
    <EuropeMap
      points={points}
      countries={null}
      label="Europe"
      onSelect={vi.fn()}
      pointTitle={(m) => m.id}
      highlightId="no-tromso"
    />,
  );

const positions = (container: HTMLElement) =>
  [...container.querySelectorAll("circle.map-point")].map((c) => ({
    id: c.getAttribute("data-id"),
    x: Number(c.getAttribute("cx")),
    y: Number(c.getAttribute("cy")),
  }));

describe("EuropeMap", () => {
  it("fits every partner and Ukraine into the frame, north up", () => {
    const { container } = draw();
    const dots = positions(container);
    expect(dots).toHaveLength(3);
    for (const d of dots) {
      expect(d.x).toBeGreaterThan(0);
      expect(d.x).toBeLessThan(MAP_WIDTH);
      expect(d.y).toBeGreaterThan(0);
      expect(d.y).toBeLessThan(MAP_HEIGHT);
    }
    const y = (id: string) => dots.find((d) => d.id === id)?.y ?? Number.NaN;
    expect(y("no-tromso")).toBeLessThan(y("se-vaxjo"));
    // The one partnered municipality is painted on top of the others.
    expect(dots.at(-1)?.id).toBe("se-vaxjo");
  });

  it("widens the view for partners in another country", () => {
    const { container } = draw([...PARTNERS, lisbon]);
    const dots = positions(container);
    expect(dots).toHaveLength(4);
    for (const d of dots) expect(d.x).toBeGreaterThan(0);
    const x = (id: string) => dots.find((d) => d.id === id)?.x ?? Number.NaN;
    expect(x("pt-lisboa")).toBeLessThan(x("se-vaxjo"));
  });

  it("draws a graticule without outlines, rings the highlighted dot and sizes cities up", () => {
    const oslo = point({
      id: "no-oslo",
      kind: "partner",
      country: "NO",
      names: { local: "Oslo" },
      region: { code: "03", name: "Oslo", iso: "NO-03" },
      centre: { lat: 59.91, lon: 10.75 },
      population: 728_714,
    });
    const { container } = draw([...PARTNERS, oslo]);
    expect(container.querySelector("path.map-graticule")).toBeInTheDocument();
    expect(container.querySelector(".map-highlight")).toHaveAttribute(
      "data-highlight",
      "no-tromso",
    );
    expect(container.querySelector('circle[data-id="no-oslo"]')).toHaveAttribute("r", "5");
    expect(container.querySelector('circle[data-id="no-tromso"]')).toHaveAttribute("r", "3.2");
  });
});
