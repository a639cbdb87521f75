import type { ReactNode } from "react";
import { InstanceHeader } from "@/components/instance-detail/instance-header";
import { InstanceTabs } from "@/components/instance-detail/instance-tabs";
import { LiveInstanceProvider } from "@/components/instance-detail/live-instance";
import { INSTANCE_ACTION_CALLS } from "../action-calls";
import { requireInstance, type InstanceRouteProps } from "./instance-page";

export default async function InstanceLayout({ params, children }: InstanceRouteProps & { children: ReactNode }) {
  const { projectId, instanceId } = await params;
  const { row } = await requireInstance(projectId, instanceId);
  return (
    <LiveInstanceProvider projectId={projectId} initialRow={row}>
      <InstanceHeader projectId={projectId} actions={INSTANCE_ACTION_CALLS} />
      <InstanceTabs base={`/projects/${projectId}/instances/${instanceId}`} />
      <div className="mt-4">{children}</div>
    </LiveInstanceProvider>
  );
}
