import type { QuestionnaireSubmission } from "@pobratym/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { loadDraft } from "../hooks/draft";
import { QuestionnaireWizard } from "./questionnaire-wizard";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A saved draft on the summary step with every answer valid. */
const COMPLETE_DRAFT = {
  step: 8,
  municipality: {
    country: "SE",
    officialCode: "0780",
    name: "Växjö",
    region: "Kronobergs län",
    population: "95 000",
  },
  contact: { name: "Anna", email: "anna@vaxjo.se" },
  motivation: "We want to help.",
  expertise: { "water-sanitation": "expert" },
  capacity: { partnerships: "1", staffHoursPerMonth: "40", annualBudgetEur: "20000" },
  preferences: { zone: "war-zone", size: "any", regions: "UA-65" },
  languages: ["en", "sv"],
  politicalDecision: { taken: "yes", date: "2025-05-01", body: "Kommunfullmäktige" },
};

describe("QuestionnaireWizard", () => {
  it("stops on the first step with messages in the user's language until the fields are valid", async () => {
    const user = userEvent.setup();
    renderWithProviders(<QuestionnaireWizard />, { locale: "sv" });
    await user.click(screen.getByRole("button", { name: "Nästa" }));

    const summary = screen.getByRole("alert");
    // Listed top to bottom, in the order of the fields, each linking to its field.
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["#q-municipality-name", "#q-municipality-officialCode", "#q-municipality-region"]);
    expect(summary).toHaveTextContent("Kommunens namn: Fyll i det här fältet.");
    const name = screen.getByLabelText("Kommunens namn");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Fyll i det här fältet.");

    await user.type(name, "Växjö");
    await user.type(screen.getByLabelText("Kommunkod"), "78");
    await user.type(screen.getByLabelText("Län eller region"), "Kronobergs län");
    await user.click(screen.getByRole("button", { name: "Nästa" }));
    // A Swedish kommunkod has four digits: checked on this step, not only at the end.
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Ange den fyrsiffriga kommunkoden, till exempel 0780.",
    );

    await user.clear(screen.getByLabelText("Kommunkod"));
    await user.type(screen.getByLabelText("Kommunkod"), "0780");
    await user.click(screen.getByRole("button", { name: "Nästa" }));
    expect(screen.getByRole("heading", { level: 2, name: "Kontaktperson" })).toHaveFocus();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("keeps the answers and the step across a reload", async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<QuestionnaireWizard />);
    await user.type(screen.getByLabelText("Name of the municipality"), "Tromsø");
    await user.selectOptions(screen.getByLabelText("Country"), "NO");
    await user.type(screen.getByLabelText("Official municipality number"), "5501");
    await user.type(screen.getByLabelText("County or region"), "Troms");
    await user.click(screen.getByRole("button", { name: "Next" }));
    first.unmount();

    renderWithProviders(<QuestionnaireWizard />);
    expect(screen.getByRole("heading", { level: 2, name: "Contact person" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByLabelText("Name of the municipality")).toHaveValue("Tromsø");
    expect(screen.getByLabelText("Country")).toHaveValue("NO");
  });

  it("asks for at least one area of expertise with its level, and validates the contact email", async () => {
    const user = userEvent.setup();
    localStorage.setItem(
      "pobratym.questionnaire.draft.v1",
      JSON.stringify({ step: 1, contact: { name: "Anna", email: "not-an-email" } }),
    );
    renderWithProviders(<QuestionnaireWizard />);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Enter an email address such as name@kommun.se.",
    );
    await user.clear(screen.getByLabelText("Email address"));
    await user.type(screen.getByLabelText("Email address"), "anna@vaxjo.se");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText(/Why does your municipality/), "We want to help.");
    await user.click(screen.getByRole("button", { name: "Next" }));

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choose at least one area of expertise.");
    await user.click(screen.getByLabelText("Water and sanitation"));
    await user.selectOptions(screen.getByLabelText(/Experience in Water and sanitation/), "expert");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2, name: "Capacity" })).toBeInTheDocument();
    expect(loadDraft().expertise).toEqual({ "water-sanitation": "expert" });
  });

  it("submits the schema-checked answers from the summary and clears the saved draft", async () => {
    const user = userEvent.setup();
    localStorage.setItem("pobratym.questionnaire.draft.v1", JSON.stringify(COMPLETE_DRAFT));
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      const answers = JSON.parse(String(init?.body));
      const submission: QuestionnaireSubmission = {
        id: "q-1",
        municipalityId: null,
        status: "submitted",
        submittedAt: "2026-01-01T00:00:00Z",
        reviewedAt: null,
        answers,
      };
      return json(201, submission);
    });
    renderWithProviders(<QuestionnaireWizard />);
    const summary = screen.getByRole("region", { name: "Municipality" });
    expect(within(summary).getByText("Växjö")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Submit questionnaire" }));

    expect(
      await screen.findByText("Thank you, the questionnaire has been submitted."),
    ).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toMatch(/\/api\/v1\/questionnaires$/);
    const body = JSON.parse(String(init?.body));
    expect(body.municipality).toMatchObject({ officialCode: "0780", population: 95000 });
    expect(body.preferences).toEqual({ zone: "war-zone", size: "any", regions: ["UA-65"] });
    expect(body.politicalDecision).toEqual({
      taken: true,
      date: "2025-05-01",
      body: "Kommunfullmäktige",
    });
    expect(localStorage.getItem("pobratym.questionnaire.draft.v1")).toBeNull();
  });

  it("sends the questionnaire once when Submit is pressed again while it is being sent", async () => {
    const user = userEvent.setup();
    localStorage.setItem("pobratym.questionnaire.draft.v1", JSON.stringify(COMPLETE_DRAFT));
    let release: (r: Response) => void = () => {};
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      const answers = JSON.parse(String(init?.body));
      return new Promise<Response>((done) => {
        release = done;
      }).then(() =>
        json(201, {
          id: "q-2",
          municipalityId: null,
          status: "submitted",
          submittedAt: "2026-01-01T00:00:00Z",
          reviewedAt: null,
          answers,
        }),
      );
    });
    renderWithProviders(<QuestionnaireWizard />);
    const button = screen.getByRole("button", { name: "Submit questionnaire" });
    await user.click(button);
    await user.click(button);
    await user.keyboard("{Enter}");
    release(new Response());
    expect(
      await screen.findByText("Thank you, the questionnaire has been submitted."),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
