import type { ReactNode } from "react";

/**
 * A page's h1. It takes focus programmatically (tabIndex -1) so that, after a route change, the
 * app shell can move focus to it and screen readers announce the new page.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-heading" tabIndex={-1} data-page-heading="">
      {children}
    </h1>
  );
}
