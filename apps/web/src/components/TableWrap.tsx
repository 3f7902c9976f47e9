import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen (320 px): the scrolling box is a named
 * region that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gzc-table-wrap" role="region" aria-label={`Tabel: ${label}`} tabIndex={0}>
      {children}
    </div>
  );
}
