"use client";

import Link from "next/link";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import type { InstanceActionCalls } from "@/components/instances/instance-actions";
import { StreamStatus } from "@/components/instances/stream-status";
import { Badge } from "@/components/ui/badge";
import { InstanceActionBar } from "./instance-action-bar";
import { useLiveInstance } from "./live-instance";

/** The instance's name, live status and actions, above every tab. */
export function InstanceHeader({ projectId, actions }: { projectId: string; actions: InstanceActionCalls }) {
  const { row, deleted, stream } = useLiveInstance();
  return (
    <div className="mb-3">
      <nav aria-label="Breadcrumb" className="text-slate-600">
        <Link href={`/projects/${projectId}/instances`} className="rounded hover:text-slate-900 hover:underline">
          Instances
        </Link>
        <span aria-hidden> / </span>
      </nav>
      <div className="mt-0.5 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h1 className="truncate text-xl font-semibold text-slate-900">{row.name}</h1>
          <span role="status" aria-live="polite" className="flex items-center gap-2">
            <InstanceStatusBadge status={row.status} />
            {row.task && <span className="text-xs text-slate-600">{row.task.replaceAll("_", " ")}…</span>}
          </span>
          {row.locked && (
            <Badge tone="warning" title={row.lockedReason ?? undefined}>
              Locked
            </Badge>
          )}
        </div>
        {!deleted && <InstanceActionBar projectId={projectId} actions={actions} />}
      </div>
      {deleted && (
        <p role="alert" className="mt-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-slate-800">
          This instance has been deleted.{" "}
          <Link href={`/projects/${projectId}/instances`} className="text-sky-800 underline">
            Back to the instance list
          </Link>
        </p>
      )}
      {(stream.state === "reconnecting" || stream.state === "signed-out") && <StreamStatus stream={stream} className="mt-2" />}
    </div>
  );
}
