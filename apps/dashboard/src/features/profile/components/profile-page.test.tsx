import type { MunicipalityProfile } from "@pobratym/core";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { ProfilePage } from "./profile-page";

const profile: MunicipalityProfile = {
  municipality: {
    id: "ua-UA14020010000088496",
    kind: "hromada",
    country: "UA",
    officialCode: "UA14020010000088496",
    names: { local: "Бахмутська міська громада", latin: "Bakhmutska miska hromada" },
    region: { code: "UA14000000000091971", name: "Донецька" },
    status: "published",
    workingLanguages: ["uk"],
    optOut: false,
    excludedIds: [],
    internationalExperience: false,
    preferences: { countries: [] },
    situation: {
      category: "occupied",
      occupiedBefore2022: false,
      asOf: "2025-02-28",
      source: "Order No. 376",
      displacedHosted: 1234,
    },
    referenceSituation: { category: "frontline", occupiedBefore2022: false, asOf: "2022-11-23" },
    handEdits: {
      displacedHosted: { value: 1234, by: "municipality editor", at: "2025-03-02T10:00:00.000Z" },
      situation: {
        category: "occupied",
        asOf: "2025-02-28",
        source: "Order No. 376",
        by: "coordinator",
        at: "2025-03-01T09:00:00.000Z",
      },
    },
  },
  needs: [],
  offers: [],
  ties: [],
  partnerships: [],
  version: 3,
};

describe("ProfilePage situation", () => {
  it("shows which values were entered by hand and what the reference files say", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => Response.json(profile));
    renderWithProviders(
      <ProfilePage
        id={profile.municipality.id}
        cataloguePath="/"
        profilePath={(id) => `/m/${id}`}
      />,
    );
    expect(await screen.findByText(/Source: Order No\. 376/)).toBeInTheDocument();
    expect(screen.getByText(/Entered by hand \(coordinator\) on/)).toBeInTheDocument();
    expect(screen.getByText(/\(Entered by hand \(municipality editor\) on/)).toBeInTheDocument();
    expect(
      screen.getByText(/Reference files: Front line|Reference files: .*, as of/),
    ).toBeInTheDocument();
  });
});
