import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { HROMADAS, point } from "../map-fixtures.test-helpers";
import { HromadaMap } from "./hromada-map";
import { ukraineFrame } from "./ukraine-frame";

// Two unpartnered hromadas around the partnered one (Kherson), in the catalogue's order.
const POINTS = [
  point({ id: "ua-first", centre: { lat: 46.64, lon: 32.6 } }),
  ...HROMADAS,
  point({ id: "ua-last", centre: { lat: 46.65, lon: 32.62 } }),
];

const order = (mode: "situation" | "partnership") => {
  const { container, unmount } = render(
    <HromadaMap
      points={POINTS}
      frame={ukraineFrame(null)}
      mode={mode}
      label="Ukraine"
      onSelect={vi.fn()}
      pointTitle={(m) => m.id}
    />,
  );
  const ids = [...container.querySelectorAll("circle.map-point")].map((c) =>
    c.getAttribute("data-id"),
  );
  unmount();
  return ids;
};

describe("HromadaMap", () => {
  it("paints partnered hromadas on top when coloured by partnership, and keeps the catalogue's order otherwise", () => {
    const catalogue = POINTS.map((p) => p.id);
    expect(order("situation")).toEqual(catalogue);
    const byPartnership = order("partnership");
    expect(byPartnership.at(-1)).toBe("ua-kherson");
    expect(byPartnership.slice(0, -1)).toEqual(catalogue.filter((id) => id !== "ua-kherson"));
  });
});
