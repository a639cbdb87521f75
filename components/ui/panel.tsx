import { useId, type ReactNode } from "react";

/** A titled section of a page; its title names it as a landmark region. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id={titleId} className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </h2>
      {children}
    </section>
  );
}
