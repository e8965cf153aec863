import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../../i18n";
import type { ReasonComponent } from "../api/suggestions";
import { WhyView } from "./why-view";

const components: ReasonComponent[] = [
  {
    code: "thematic-fit",
    contribution: 30,
    data: {
      value: 0.75,
      matched: [{ area: "water-sanitation", needPriority: "high", offerExperience: "expert" }],
      unmatched: ["health"],
    },
  },
  {
    code: "situation-fit",
    contribution: 20,
    data: {
      value: 1,
      category: "frontline",
      zone: "war-zone",
      displacedHosted: null,
      hostingStrength: 0,
      basis: "rebuilding",
      areas: ["energy-heating"],
    },
  },
  {
    code: "size",
    contribution: 5,
    data: { value: 0.5, hromadaPopulation: 12000, partnerPopulation: 95000, log10Ratio: 0.9 },
  },
  { code: "language", contribution: 0, data: { value: 0, shared: [] } },
  {
    code: "preference",
    contribution: 7.5,
    data: {
      value: 0.75,
      partnerRegions: "met",
      partnerSituations: "unmet",
      partnerSize: "none",
      hromadaCountries: "met",
    },
  },
  {
    code: "fairness",
    contribution: 10,
    data: { value: 1, noPartnerYet: true, smallWithoutExperience: false },
  },
];

const renderIn = (locale: "en" | "uk") =>
  render(
    <I18nProvider locale={locale}>
      <WhyView components={components} />
    </I18nProvider>,
  );

describe("WhyView", () => {
  it("explains every reason in words with its points out of the reason's weight", () => {
    renderIn("en");
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(6);
    expect(items[0]).toHaveTextContent("Shared areas");
    expect(items[0]).toHaveTextContent("30 of 40 points");
    expect(items[0]).toHaveTextContent(
      "Needs the partner can help with: Water and sanitation (Expert).",
    );
    expect(items[0]).toHaveTextContent("Not covered: Health");
    expect(items[1]).toHaveTextContent("rebuilding experience (Energy and heating)");
    expect(items[2]).toHaveTextContent("Population 12,000 (hromada) and 95,000 (partner).");
    expect(items[3]).toHaveTextContent(
      "No shared working language; an interpreter will be needed.",
    );
    expect(items[4]).toHaveTextContent("7.5 of 10 points");
    expect(items[4]).toHaveTextContent("2 of 3 stated preferences met.");
    expect(items[5]).toHaveTextContent("The hromada has no partner yet.");
  });

  it("draws each bar as the share of the reason's weight, hidden from screen readers", () => {
    const { container } = renderIn("en");
    const widths = [...container.querySelectorAll<HTMLElement>(".bar-fill")].map(
      (b) => b.style.width,
    );
    expect(widths).toEqual(["75%", "100%", "50%", "0%", "75%", "100%"]);
    for (const track of container.querySelectorAll(".bar-track")) {
      expect(track).toHaveAttribute("aria-hidden", "true");
    }
  });

  it("speaks Ukrainian, area labels included", () => {
    renderIn("uk");
    const first = screen.getAllByRole("listitem")[0];
    if (!first) throw new Error("no reasons rendered");
    expect(within(first).getByText("Спільні сфери")).toBeInTheDocument();
    expect(first).toHaveTextContent("Водопостачання та водовідведення");
    expect(first).toHaveTextContent("30 з 40 балів");
  });

  it("shows the decisive reasons and folds the rest when asked to", () => {
    const marked = components.map((c) => ({ ...c, decisive: c.code === "thematic-fit" }));
    const { container } = render(
      <I18nProvider locale="en">
        <WhyView components={marked} fold />
      </I18nProvider>,
    );
    const shown = container.querySelector(":scope > ul.why");
    expect(shown?.querySelectorAll("li")).toHaveLength(1);
    expect(shown).toHaveTextContent("Shared areas");
    const folded = container.querySelector("details");
    expect(folded?.querySelector("summary")).toHaveTextContent("5 other reasons");
    expect(folded?.querySelectorAll("li")).toHaveLength(5);
  });
});

describe("WhyView: what you can learn from them", () => {
  it("names the hromada's offers in the partner's learning interests, out of its small weight", () => {
    render(
      <I18nProvider locale="en">
        <WhyView
          components={[
            {
              code: "learn-from",
              contribution: 2.5,
              data: { value: 0.5, areas: ["crisis-preparedness"] },
            },
          ]}
        />
      </I18nProvider>,
    );
    const item = screen.getByRole("listitem");
    expect(within(item).getByText("What you can learn from them")).toBeInTheDocument();
    expect(item).toHaveTextContent("2.5 of 5 points");
    expect(item).toHaveTextContent(
      "The hromada offers what you want to learn about: Crisis preparedness and civil defence.",
    );
  });
});
