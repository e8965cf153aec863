import { act, render, screen } from "@testing-library/react";
import { MemoryRouter, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { useMapOptions } from "./use-map-options";

function Probe() {
  const [options, setOptions] = useMapOptions();
  const location = useLocation();
  return (
    <>
      <output data-testid="options">{JSON.stringify(options)}</output>
      <output data-testid="search">{location.search}</output>
      <button type="button" onClick={() => setOptions({ colour: "partnership" })}>
        colour
      </button>
      <button type="button" onClick={() => setOptions({ view: "europe", region: "SE-G" })}>
        europe
      </button>
    </>
  );
}

describe("useMapOptions", () => {
  it("shows a choice at once and writes it to the URL, merging successive changes", async () => {
    render(
      <MemoryRouter initialEntries={["/map?region=UA-65"]}>
        <Probe />
      </MemoryRouter>,
    );
    expect(JSON.parse(screen.getByTestId("options").textContent ?? "")).toMatchObject({
      view: "ukraine",
      colour: "situation",
      region: "UA-65",
    });
    await act(async () => screen.getByText("colour").click());
    await act(async () => screen.getByText("europe").click());
    expect(JSON.parse(screen.getByTestId("options").textContent ?? "")).toEqual({
      view: "europe",
      colour: "partnership",
      region: "SE-G",
    });
    expect(screen.getByTestId("search").textContent).toBe(
      "?view=europe&colour=partnership&region=SE-G",
    );
  });
});
