import { act, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import type { FilterOptions } from "../api/get-filter-options";
import { type CatalogueFilters, EMPTY_FILTERS } from "../hooks/catalogue-filters";
import { CatalogueSearchForm } from "./catalogue-search-form";

const OPTIONS: FilterOptions = {
  countries: ["SE", "UA"],
  regions: [
    { code: "UA65000000000030969", country: "UA", name: "Херсонська", nameLatin: "Khersonska" },
    {
      code: "UA12000000000090473",
      country: "UA",
      name: "Дніпропетровська",
      nameLatin: "Dnipropetrovska",
    },
    { code: "07", country: "SE", name: "Kronobergs län", nameLatin: undefined },
  ],
};

/** The form as the page uses it: it owns the filters and hands every change up. */
function Harness({
  onChange,
  initial = EMPTY_FILTERS,
}: {
  onChange: (f: CatalogueFilters) => void;
  initial?: CatalogueFilters;
}) {
  const [filters, setFilters] = useState(initial);
  return (
    <>
      <CatalogueSearchForm
        value={filters}
        options={OPTIONS}
        debounceMs={200}
        onChange={(next) => {
          onChange(next);
          setFilters(next);
        }}
      />
      <button type="button" onClick={() => setFilters({ ...filters, q: "Lviv" })}>
        external
      </button>
    </>
  );
}

describe("CatalogueSearchForm", () => {
  it("searches once typing pauses, not on every keystroke", async () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      renderWithProviders(<Harness onChange={onChange} />);
      const box = screen.getByRole("searchbox", { name: "Search by name" });
      for (const ch of "Växjö") {
        fireEvent.change(box, { target: { value: `${(box as HTMLInputElement).value}${ch}` } });
        act(() => vi.advanceTimersByTime(50));
      }
      expect(onChange).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(200));
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, q: "Växjö" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("searches at once on Enter", async () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    await userEvent.type(screen.getByRole("searchbox"), "Кривий Ріг{Enter}");
    expect(onChange).toHaveBeenCalledWith({ ...EMPTY_FILTERS, q: "Кривий Ріг" });
  });

  it.each([
    ["Kind", "partner", { kind: "partner" }],
    ["Situation", "frontline", { situation: "frontline" }],
    ["Cooperation area", "water-sanitation", { area: "water-sanitation" }],
    ["Partnership", "false", { hasPartner: "false" }],
    ["Country", "SE", { country: "SE" }],
  ])("reports the %s filter as soon as it is chosen", async (label, value, expected) => {
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    await userEvent.selectOptions(screen.getByLabelText(label), value);
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, ...expected });
  });

  it("keeps a filter chosen while the search text was still pending", async () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "Kherson" } });
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "hromada" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, kind: "hromada" });
    await vi.waitFor(
      () =>
        expect(onChange).toHaveBeenLastCalledWith({
          ...EMPTY_FILTERS,
          q: "Kherson",
          kind: "hromada",
        }),
      { timeout: 3000 },
    );
  });

  it("reports population bounds after the pause", async () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Population from"), { target: { value: "20000" } });
    expect(onChange).not.toHaveBeenCalled();
    await vi.waitFor(
      () => expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, minPopulation: "20000" }),
      { timeout: 3000 },
    );
  });

  it("offers only the chosen country's regions, named in the reader's script", async () => {
    renderWithProviders(
      <Harness onChange={vi.fn()} initial={{ ...EMPTY_FILTERS, country: "UA" }} />,
    );
    const names = (label: string) =>
      [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.text);
    expect(names("Region or oblast")).toEqual(["All regions", "Dnipropetrovska", "Khersonska"]);
  });

  it("names regions in Cyrillic for Ukrainian readers", () => {
    renderWithProviders(
      <Harness onChange={vi.fn()} initial={{ ...EMPTY_FILTERS, country: "UA" }} />,
      { locale: "uk" },
    );
    const options = [
      ...(screen.getByLabelText("Регіон або область") as HTMLSelectElement).options,
    ].map((o) => o.text);
    expect(options).toEqual(["Усі регіони", "Дніпропетровська", "Херсонська"]);
  });

  it("drops a region of another country when the country changes", async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <Harness
        onChange={onChange}
        initial={{ ...EMPTY_FILTERS, country: "UA", region: "UA65000000000030969" }}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText("Country"), "SE");
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, country: "SE" });
  });

  it("clears search and filters, and the search box follows", async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <Harness onChange={onChange} initial={{ ...EMPTY_FILTERS, q: "Cherson", kind: "hromada" }} />,
    );
    expect(screen.getByRole("searchbox")).toHaveValue("Cherson");
    await userEvent.click(screen.getByRole("button", { name: "Clear search and filters" }));
    expect(onChange).toHaveBeenLastCalledWith(EMPTY_FILTERS);
    expect(screen.getByRole("searchbox")).toHaveValue("");
    expect(screen.getByRole("button", { name: "Clear search and filters" })).toBeDisabled();
  });

  it("shows a search set from outside (back button, shared link)", async () => {
    renderWithProviders(<Harness onChange={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "external" }));
    expect(screen.getByRole("searchbox")).toHaveValue("Lviv");
  });

  it("labels every control in Ukrainian", () => {
    renderWithProviders(<Harness onChange={vi.fn()} />, { locale: "uk" });
    expect(screen.getByRole("searchbox", { name: "Пошук за назвою" })).toBeInTheDocument();
    expect(screen.getByRole("search")).toBeInTheDocument();
    expect(screen.getByLabelText("Безпекова ситуація")).toHaveDisplayValue("Усі ситуації");
    expect(screen.getByRole("option", { name: "Бойові дії або лінія фронту" })).toBeInTheDocument();
    expect(
      screen.getByRole("option", { name: "Водопостачання та водовідведення" }),
    ).toBeInTheDocument();
  });
});
