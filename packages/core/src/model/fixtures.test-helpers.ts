// Small fixture builders shared by the model tests. Not exported from the package.
import type { z } from "zod";
import type { Hromada, Partner } from "./municipality";
import type { QuestionnaireInput } from "./questionnaire";

export function hromadaInput(
  overrides: Partial<z.input<typeof Hromada>> = {},
): z.input<typeof Hromada> {
  return {
    id: "ua-UA65100150000080328",
    kind: "hromada",
    country: "UA",
    officialCode: "UA65100150000080328",
    names: { local: "Херсонська", uk: "Херсонська", latin: "Khersonska", en: "Kherson" },
    region: {
      code: "UA65000000000030969",
      name: "Херсонська область",
      nameLatin: "Khersonska",
      iso: "UA-65",
    },
    population: 279_131,
    populationYear: 2022,
    areaKm2: 136.2,
    centre: { lat: 46.6354, lon: 32.6169 },
    situation: { category: "deoccupied", occupiedBefore2022: false },
    ...overrides,
  };
}

export function partnerInput(
  overrides: Partial<z.input<typeof Partner>> = {},
): z.input<typeof Partner> {
  return {
    id: "se-2480",
    kind: "partner",
    country: "SE",
    officialCode: "2480",
    names: { local: "Umeå", en: "Umeå" },
    region: { code: "24", name: "Västerbottens län" },
    population: 133_000,
    populationYear: 2024,
    capacity: 2,
    workingLanguages: ["sv", "en"],
    politicalDecision: true,
    ...overrides,
  };
}

export function questionnaireInput(
  overrides: Partial<QuestionnaireInput> = {},
): QuestionnaireInput {
  return {
    municipality: {
      country: "NO",
      officialCode: "4225",
      name: "Lyngdal",
      region: { code: "42", name: "Agder" },
      population: 10_500,
    },
    contact: { name: "Kari Nordmann", email: "kari@example.no", languages: ["nb", "en"] },
    motivation: "We want a long-term partnership focused on integration and schools.",
    expertise: [
      {
        area: "displaced-integration",
        experience: "expert",
        resources: ["expertise", "study-visits"],
      },
      { area: "education", experience: "experienced" },
    ],
    capacity: { partnerships: 1, staffHoursPerMonth: 40, annualBudgetEur: 25_000 },
    preferences: { regions: ["UA-12"], zone: "outside", size: "large" },
    languages: ["nb", "en", "en"],
    politicalDecision: { taken: true, date: "2023-03-01", body: "Kommunestyret" },
    ...overrides,
  };
}
