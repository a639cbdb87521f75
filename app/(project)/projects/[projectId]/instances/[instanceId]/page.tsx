import type { Metadata } from "next";
import { InstanceOverview } from "@/components/instance-detail/instance-overview";
import { RefreshOnChange } from "@/components/instance-detail/live-instance";
import { can } from "@/lib/identity/permissions";
import { publishPortAction, unpublishPortAction } from "../../networks/actions";
import { requireInstance, requireInstanceDetail, type InstanceRouteProps } from "./instance-page";

export const metadata: Metadata = { title: "Instance" };

export default async function InstanceOverviewPage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  const [instance, { role }] = await Promise.all([requireInstanceDetail(projectId, instanceId), requireInstance(projectId, instanceId)]);
  const portCalls = can(role, "port:publish") ? { publish: publishPortAction.bind(null, projectId), unpublish: unpublishPortAction.bind(null, projectId) } : undefined;
  return (
    <>
      <RefreshOnChange />
      <InstanceOverview instance={instance} now={new Date()} portCalls={portCalls} />
    </>
  );
}
