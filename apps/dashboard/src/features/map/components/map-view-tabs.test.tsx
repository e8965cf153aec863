import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../../i18n";
import type { MapView } from "../hooks/map-options";
import { MapViewTabs } from "./map-view-tabs";

function Harness() {
  const [view, setView] = useState<MapView>("ukraine");
  return (
    <I18nProvider locale="en">
      <MapViewTabs
        view={view}
        onChange={setView}
        tabId={(v) => `tab-${v}`}
        panelId={(v) => `panel-${v}`}
      />
      <div id="panel-ukraine" />
      <div id="panel-europe" />
    </I18nProvider>
  );
}

const selected = () =>
  screen.getAllByRole("tab").find((t) => t.getAttribute("aria-selected") === "true")?.textContent;

describe("MapViewTabs", () => {
  it("is one tab stop that names its panels", async () => {
    render(<Harness />);
    expect(screen.getByRole("tablist")).toHaveAccessibleName("Map view");
    const [ukraine, europe] = screen.getAllByRole("tab");
    expect(ukraine).toHaveAttribute("aria-controls", "panel-ukraine");
    expect(europe).toHaveAttribute("aria-controls", "panel-europe");
    await userEvent.tab();
    expect(ukraine).toHaveFocus();
    await userEvent.tab();
    expect(europe).not.toHaveFocus();
  });

  it.each([
    ["{ArrowRight}", "Partners in Europe"],
    ["{ArrowLeft}", "Partners in Europe"],
    ["{End}", "Partners in Europe"],
    ["{ArrowRight}{ArrowRight}", "Hromadas in Ukraine"],
    ["{End}{Home}", "Hromadas in Ukraine"],
    ["{ArrowDown}", "Hromadas in Ukraine"],
  ])("%s selects and focuses %s", async (keys, expected) => {
    render(<Harness />);
    screen.getAllByRole("tab")[0]?.focus();
    await userEvent.keyboard(keys);
    expect(selected()).toBe(expected);
    expect(screen.getByRole("tab", { name: expected })).toHaveFocus();
    expect(screen.getByRole("tab", { name: expected })).toHaveAttribute("tabindex", "0");
  });

  it("selects a tab on click", async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole("tab", { name: "Partners in Europe" }));
    expect(selected()).toBe("Partners in Europe");
  });
});
