import { useId, type ReactNode } from "react";
import { cn } from "./class-names";

/** A titled section of a page; its title names it as a landmark region. `actions` sit at the title's right. */
export function Panel({
  title,
  actions,
  className,
  children,
}: {
  title: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn("min-w-0 rounded-md border border-slate-200 bg-white p-4", className)}>
      <div className="mb-3 flex min-h-7 flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
