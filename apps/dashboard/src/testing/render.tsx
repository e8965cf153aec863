import type { Locale } from "@pobratym/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { I18nProvider } from "../i18n";

/** Renders `ui` with the providers the app gives it: query client (no retries), language, router. */
export function renderWithProviders(
  ui: ReactElement,
  { locale, route = "/" }: { locale?: Locale; route?: string } = {},
): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider {...(locale ? { locale } : {})}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}
