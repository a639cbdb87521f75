import type { Metadata } from "next";
import { LiveLogViewer } from "@/components/logs/live-log-viewer";
import type { InitialLog } from "@/components/logs/log-viewer";
import { db } from "@/lib/db/client";
import { isBerthError } from "@/lib/errors";
import { readLogTail } from "@/lib/instances/instance-logs";
import { requireInstanceRecord, type InstanceRouteProps } from "../instance-page";

export const metadata: Metadata = { title: "Log" };

export default async function InstanceLogPage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  const instance = await requireInstanceRecord(projectId, instanceId, "instance:logs");
  let initial: InitialLog;
  try {
    initial = await readLogTail(db(), instance);
  } catch (error) {
    if (!isBerthError(error)) throw error;
    initial = { error: error.message };
  }
  return <LiveLogViewer api={`/api/projects/${projectId}/instances/${instanceId}`} name={instance.name} initial={initial} />;
}
