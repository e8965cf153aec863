import type { MunicipalitySummary } from "@pobratym/core";
import { act, fireEvent, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { TOOLTIP_HIDE_DELAY_MS } from "../hooks/use-map-tooltip";
import { point } from "../map-fixtures.test-helpers";
import { MAP_HEIGHT, MAP_WIDTH, MapCanvas, type PlacedDot } from "./map-canvas";

const DOTS: PlacedDot[] = [
  { m: point({ id: "a", names: { local: "Alpha" } }), x: 96, y: 320 },
  { m: point({ id: "b", names: { local: "Bravo" } }), x: 480, y: 32 },
  { m: point({ id: "c", names: { local: "Charlie" } }), x: 900, y: 600 },
];

const title = vi.fn((m: MunicipalitySummary) => `${m.names.local}: status`);

const draw = (props: { highlightId?: string | null; onSelect?: (id: string) => void } = {}) => {
  const onSelect = props.onSelect ?? vi.fn();
  const view = render(
    <MapCanvas
      label="Map"
      shapes={[{ key: "land", d: "M0,0L960,0L960,640Z", className: "map-oblast" }]}
      dots={DOTS}
      colour={() => "#009e73"}
      pointTitle={title}
      onSelect={onSelect}
      highlightId={props.highlightId}
    />,
  );
  const dot = (id: string) => {
    const el = view.container.querySelector(`circle[data-id="${id}"]`);
    if (!el) throw new Error(`no dot ${id}`);
    return el;
  };
  const land = view.container.querySelector("path.map-oblast") as Element;
  const tooltips = () => [...view.container.querySelectorAll(".map-tooltip")];
  const tooltip = () => view.container.querySelector<HTMLElement>(".map-tooltip");
  return { ...view, dot, land, tooltips, tooltip, onSelect };
};

beforeEach(() => {
  title.mockClear();
});

const setup = () => userEvent.setup();

describe("MapCanvas", () => {
  it("draws each dot as a bare circle: no title of its own, and no tooltip until asked", () => {
    const { container, tooltip } = draw();
    const circles = container.querySelectorAll("circle.map-point");
    expect(circles).toHaveLength(3);
    expect(container.querySelectorAll("circle.map-point *")).toHaveLength(0);
    expect(container.querySelector("title")).toBeNull();
    expect(tooltip()).toBeNull();
    // Names are made for the one dot a tooltip shows, never for all of them up front.
    expect(title).not.toHaveBeenCalled();
  });

  it("names the dot under the pointer in one tooltip beside it, hidden from assistive technology", async () => {
    const user = setup();
    const { dot, tooltip, tooltips } = draw();
    await user.hover(dot("a"));
    expect(tooltip()).toHaveTextContent("Alpha: status");
    expect(tooltip()).toHaveAttribute("aria-hidden", "true");
    expect(tooltip()?.style.left).toBe(`${(96 / MAP_WIDTH) * 100}%`);
    expect(tooltip()?.style.top).toBe(`${(320 / MAP_HEIGHT) * 100}%`);
    expect(tooltip()).toHaveClass("map-tooltip--above", "map-tooltip--start");

    await user.hover(dot("b"));
    expect(tooltips()).toHaveLength(1);
    expect(tooltip()).toHaveTextContent("Bravo: status");
    // Near the top edge it opens below the dot.
    expect(tooltip()).toHaveClass("map-tooltip--below", "map-tooltip--centre");
    expect(title.mock.calls.map(([m]) => m.id)).not.toContain("c");
  });

  it("stays while the pointer crosses to it and rests on it, then hides once the pointer is elsewhere", () => {
    // Fake clock and plain events: user-event's own waits would stall on a fake setTimeout.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
    try {
      const { dot, land, tooltip } = draw();
      fireEvent.pointerOver(dot("c"));
      fireEvent.pointerOver(land);
      wait(TOOLTIP_HIDE_DELAY_MS / 2);
      expect(tooltip()).toHaveTextContent("Charlie: status");
      fireEvent.pointerEnter(tooltip() as HTMLElement);
      wait(TOOLTIP_HIDE_DELAY_MS * 5);
      expect(tooltip()).toHaveTextContent("Charlie: status");

      fireEvent.pointerLeave(tooltip() as HTMLElement);
      wait(TOOLTIP_HIDE_DELAY_MS - 1);
      expect(tooltip()).not.toBeNull();
      wait(1);
      expect(tooltip()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("is dismissed with Escape until the pointer reaches another dot", async () => {
    const user = setup();
    const { dot, tooltip } = draw();
    await user.hover(dot("a"));
    await user.keyboard("{Escape}");
    expect(tooltip()).toBeNull();
    await user.hover(dot("b"));
    expect(tooltip()).toHaveTextContent("Bravo: status");
  });

  it("names the dot ringed from the list when the pointer is not on another", async () => {
    const user = setup();
    const { container, dot, tooltip } = draw({ highlightId: "c" });
    expect(container.querySelector(".map-highlight")).toHaveAttribute("data-highlight", "c");
    expect(tooltip()).toHaveTextContent("Charlie: status");
    await user.hover(dot("a"));
    expect(tooltip()).toHaveTextContent("Alpha: status");
  });

  it("opens a dot's profile from the one click listener on the map, and nothing from the land", async () => {
    const user = setup();
    const { dot, land, onSelect } = draw();
    await user.click(land);
    expect(onSelect).not.toHaveBeenCalled();
    await user.click(dot("b"));
    expect(onSelect).toHaveBeenCalledWith("b");
  });
});
