import type { Health, Locale } from "@pobratym/core";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { DemoBanner } from "./demo-banner";

const health = (catalogue: Health["catalogue"]): Health => ({
  status: "ok",
  version: "test",
  database: "pglite",
  municipalities: 16,
  catalogue,
});

function serve(body: Health) {
  vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
    Response.json(body, { headers: { "content-type": "application/json" } }),
  );
}

describe("DemoBanner", () => {
  it.each<[Locale, RegExp]>([
    ["en", /built-in demo/],
    ["sv", /inbyggda demon/],
    ["nb", /innebygde demoen/],
    ["uk", /демонстраційний каталог/],
  ])("marks the demo catalogue as a demo in %s", async (locale, text) => {
    serve(health("demo"));
    renderWithProviders(<DemoBanner />, { locale });
    expect(await screen.findByRole("note")).toHaveTextContent(text);
  });

  it("shows nothing on the real catalogue", async () => {
    serve(health("real"));
    renderWithProviders(<DemoBanner />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("note")).toBeNull();
  });
});
