"use client";

import { RouteError } from "@/components/ui/route-error";
import "./globals.css";

/** When the root layout itself fails there is no page around the error: this is the whole document. */
export default function GlobalError(props: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-2xl p-4 pt-16">
          <RouteError {...props} />
        </main>
      </body>
    </html>
  );
}
