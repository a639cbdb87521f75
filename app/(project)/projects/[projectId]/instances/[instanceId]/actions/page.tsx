import type { Metadata } from "next";
import { ActionLog } from "@/components/instance-detail/action-log";
import { RefreshOnChange } from "@/components/instance-detail/live-instance";
import { db } from "@/lib/db/client";
import { ACTION_LOG_LIMIT, instanceActionLog } from "@/lib/instances/instance-action-log";
import { requireInstanceRecord, type InstanceRouteProps } from "../instance-page";

export const metadata: Metadata = { title: "Actions" };

export default async function InstanceActionsPage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  const instance = await requireInstanceRecord(projectId, instanceId, "project:view");
  const entries = await instanceActionLog(db(), instance.id);
  return (
    <>
      <RefreshOnChange />
      <ActionLog entries={entries} limit={ACTION_LOG_LIMIT} />
    </>
  );
}
