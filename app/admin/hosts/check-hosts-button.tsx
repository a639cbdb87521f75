"use client";

import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { ActionResult } from "@/lib/actions/action-client";
import { checkHostsAction } from "./actions";

export function CheckHostsButton() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ up: number; total: number }> | null>(null);

  return (
    <>
      {result?.ok && (
        <span role="status" className="text-slate-600">
          {result.data.up} of {result.data.total} up
        </span>
      )}
      {result && !result.ok && (
        <span role="alert" className="text-red-700">
          {result.error.message}
        </span>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await checkHostsAction({})))}
        className={buttonClass("secondary")}
      >
        {pending ? "Checking…" : "Check now"}
      </button>
    </>
  );
}
