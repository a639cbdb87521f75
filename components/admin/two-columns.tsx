import type { ReactNode } from "react";

/** A list beside its forms on wide screens; the forms go under the list on narrow ones. Both keep their own height. */
export function TwoColumns({ main, aside }: { main: ReactNode; aside: ReactNode }) {
  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">{main}</div>
      <div className="min-w-0 space-y-4">{aside}</div>
    </div>
  );
}
