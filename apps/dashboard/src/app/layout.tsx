import { type RefObject, useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { Attribution } from "../components/ui/attribution";
import { AccountMenu } from "../features/auth/components/account-menu";
import { useAuth } from "../features/auth/hooks/use-auth";
import { DemoBanner } from "../features/catalogue-mode/components/demo-banner";
import { LanguageSwitcher, type MessageKey, useI18n } from "../i18n";
import { paths } from "./paths";

/** Who is looking: anonymous visitors, editors of one municipality, or coordinators. */
type Role = "public" | "editor" | "coordinator";

interface MenuItem {
  to: string;
  label: MessageKey;
  roles: readonly Role[];
  end?: boolean;
}

const MENU: readonly MenuItem[] = [
  {
    to: paths.catalogue,
    label: "nav.catalogue",
    roles: ["public", "editor", "coordinator"],
    end: true,
  },
  { to: paths.map, label: "nav.map", roles: ["public", "editor", "coordinator"] },
  { to: paths.statistics, label: "nav.statistics", roles: ["public", "editor", "coordinator"] },
  { to: paths.ties, label: "nav.ties", roles: ["public", "editor", "coordinator"] },
  { to: paths.questionnaire, label: "nav.questionnaire", roles: ["public"] },
  { to: paths.questionnaires, label: "nav.questionnaires", roles: ["coordinator"] },
  { to: paths.suggestionsPicker, label: "nav.suggestions", roles: ["coordinator"] },
  { to: paths.rounds, label: "nav.rounds", roles: ["coordinator"] },
  { to: paths.pipeline, label: "nav.pipeline", roles: ["coordinator"] },
  { to: paths.conferences, label: "nav.conferences", roles: ["coordinator"] },
  { to: paths.imports, label: "nav.imports", roles: ["coordinator"] },
];

/** The menu for the current user; an editor's own municipality and its suggestions come from the session. */
function useMenu(): MenuItem[] {
  const { user, role } = useAuth();
  const items = MENU.filter((item) => item.roles.includes(role === "anonymous" ? "public" : role));
  if (role === "editor" && user?.municipalityId) {
    items.push(
      { to: paths.profile(user.municipalityId), label: "nav.ownMunicipality", roles: ["editor"] },
      { to: paths.suggestions(user.municipalityId), label: "nav.suggestions", roles: ["editor"] },
    );
  }
  return items;
}

/** The app shell: skip link, header with menu and language, main landmark, footer with attribution. */
export function Layout() {
  const { t } = useI18n();
  const menu = useMenu();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnRouteChange(mainRef);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipLink")}
      </a>
      <header className="header">
        <div className="header__inner">
          <div className="brand">
            <NavLink to={paths.catalogue} className="brand__name">
              {t("app.name")}
            </NavLink>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </div>
          <nav aria-label={t("nav.label")} className="nav">
            <ul>
              {menu.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountMenu signInPath={paths.signIn()} />
          <LanguageSwitcher />
        </div>
        {/* Inside the banner landmark: every visible part of the page sits in a landmark. */}
        <DemoBanner />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <p>{t("footer.about")}</p>
          <Attribution />
        </div>
      </footer>
    </div>
  );
}

/**
 * After client-side navigation (not the first load, and not query-string changes such as typing in
 * search), moves focus to the new page's h1 so screen readers announce it. Pages load lazily, so the
 * heading is awaited for a short while before falling back to <main>.
 */
function useFocusOnRouteChange(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    let frame = 0;
    let tries = 0;
    const tick = () => {
      const heading = mainRef.current?.querySelector<HTMLElement>("[data-page-heading]");
      if (heading) {
        heading.focus();
        return;
      }
      if (++tries > 120) {
        mainRef.current?.focus();
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [pathname, mainRef]);
}
