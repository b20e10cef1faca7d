import { type ReactNode, useEffect } from 'react';

/** A page: its heading (which names the tab too) and content. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} — Vigil`;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

/** A titled part of a page. */
export function Section({
  title,
  id,
  children,
  scrolls,
}: {
  title: string;
  id?: string;
  children: ReactNode;
  /** The section scrolls on its own: it takes the keyboard focus so it can be scrolled by keys. */
  scrolls?: boolean;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="card" aria-labelledby={headingId} id={id} tabIndex={scrolls ? 0 : undefined}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
