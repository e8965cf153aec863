import type { ReactNode } from "react";

/**
 * A horizontally scrollable box for wide tables on small screens. It is a named region and takes
 * keyboard focus, so keyboard users can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function ScrollRegion({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <section> would add nothing here, and a div keeps table layout simple.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region must be focusable to be scrolled by keyboard.
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
