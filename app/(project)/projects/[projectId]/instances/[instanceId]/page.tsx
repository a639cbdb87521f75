import type { Metadata } from "next";
import { InstanceOverview } from "@/components/instance-detail/instance-overview";
import { RefreshOnChange } from "@/components/instance-detail/live-instance";
import { requireInstanceDetail, type InstanceRouteProps } from "./instance-page";

export const metadata: Metadata = { title: "Instance" };

export default async function InstanceOverviewPage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  const instance = await requireInstanceDetail(projectId, instanceId);
  return (
    <>
      <RefreshOnChange />
      <InstanceOverview instance={instance} now={new Date()} />
    </>
  );
}
