"use client";

import { RouteError } from "@/components/ui/route-error";

export default function RootError(props: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-2xl p-4 pt-16">
      <RouteError {...props} />
    </main>
  );
}
