import Link from "next/link";
import type { ReactNode } from "react";

/** The way back from a detail page to its list, above the page's title. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-1">
      <Link href={href} className="rounded text-sky-800 hover:underline">
        ← {children}
      </Link>
    </p>
  );
}
