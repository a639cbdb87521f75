"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Badge } from "@/components/ui/badge";
import { evacuateHostAction } from "../actions";

type Result = { instanceId: string; name: string; ok: boolean; message?: string };

/** Rebuilds every instance of a down host elsewhere, then says what became of each. */
export function EvacuateHost({ hostId, hostName, instanceCount }: { hostId: string; hostName: string; instanceCount: number }) {
  const [results, setResults] = useState<Result[] | null>(null);
  return (
    <div className="space-y-3">
      <p className="text-slate-600">
        {hostName} is down. Evacuating rebuilds its {instanceCount} {instanceCount === 1 ? "instance" : "instances"} from their images on
        other hosts; what was written inside them is lost.
      </p>
      <ConfirmAction
        label="Evacuate host"
        pendingLabel="Evacuating…"
        title={`Evacuate ${hostName}?`}
        confirmLabel="Evacuate"
        variant="danger"
        run={() => evacuateHostAction({ hostId })}
        onDone={setResults}
      >
        Every instance on {hostName} is rebuilt on another host from its image. Data written inside the containers is lost. If {hostName}{" "}
        comes back, Berth removes the old containers.
      </ConfirmAction>
      {results && (
        <div role="status">
          <p className="font-medium text-slate-800">
            {results.filter((r) => r.ok).length} of {results.length} instances sent to other hosts.
          </p>
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {results.map((r) => (
              <li key={r.instanceId} className="flex flex-wrap items-baseline gap-2 px-3 py-2">
                <Link href={`/admin/instances?name=${encodeURIComponent(r.name)}`} className="font-medium text-sky-800 hover:underline">
                  {r.name}
                </Link>
                {r.ok ? <Badge tone="success">rebuilding elsewhere</Badge> : <Badge tone="danger">refused</Badge>}
                {r.message && <span className="break-words text-red-700">{r.message}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
