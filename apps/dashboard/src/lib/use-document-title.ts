import { useEffect } from "react";
import { useI18n } from "../i18n";

/** Sets `document.title` to "<page> – Pobratym", so each route announces itself in tabs and screen readers. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useI18n();
  const app = t("app.name");
  useEffect(() => {
    document.title = page ? `${page} – ${app}` : app;
  }, [page, app]);
}
