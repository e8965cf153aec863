import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useI18n } from "./i18n-context";
import { I18nProvider } from "./i18n-provider";
import { LanguageSwitcher } from "./language-switcher";
import { LOCALE_STORAGE_KEY } from "./locale-storage";

function Probe() {
  const { t, formatNumber, formatDate } = useI18n();
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p data-testid="number">{formatNumber(1234567.5)}</p>
      <p data-testid="date">{formatDate("2025-02-28")}</p>
    </>
  );
}

const renderSwitcher = () =>
  render(
    <I18nProvider>
      <LanguageSwitcher />
      <Probe />
    </I18nProvider>,
  );

describe("LanguageSwitcher", () => {
  it("offers the four languages, each named in itself", () => {
    renderSwitcher();
    const options = screen
      .getAllByRole("option")
      .map((o) => [o.getAttribute("value"), o.textContent]);
    expect(options).toEqual([
      ["en", "English"],
      ["sv", "Svenska"],
      ["nb", "Norsk bokmål"],
      ["uk", "Українська"],
    ]);
  });

  it("translates the page, sets <html lang> and remembers the choice", async () => {
    renderSwitcher();
    await userEvent.selectOptions(screen.getByLabelText("Language"), "uk");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Каталог муніципалітетів");
    expect(screen.getByLabelText("Мова")).toHaveValue("uk");
    expect(document.documentElement.lang).toBe("uk");
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("uk");
  });

  it("starts in the remembered language", () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, "sv");
    renderSwitcher();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Kommunkatalog");
    expect(screen.getByLabelText("Språk")).toHaveValue("sv");
  });

  it("ignores a remembered value that is not a supported language", () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, "xx");
    renderSwitcher();
    expect(screen.getByRole("combobox")).toHaveValue("en");
  });

  it.each([
    ["en", "1,234,567.5", "28 February 2025"],
    ["sv", "1 234 567,5", "28 februari 2025"],
    ["nb", "1 234 567,5", "28. februar 2025"],
    ["uk", "1 234 567,5", "28 лютого 2025 р."],
  ])("formats numbers and dates the %s way", async (locale, number, date) => {
    renderSwitcher();
    await userEvent.selectOptions(screen.getByRole("combobox"), locale);
    expect(screen.getByTestId("number").textContent?.replace(/\s/g, " ")).toBe(number);
    expect(screen.getByTestId("date").textContent?.replace(/\s/g, " ")).toBe(date);
  });
});
