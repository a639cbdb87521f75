import type { Metadata } from "next";
import { StatsPanel } from "@/components/stats/stats-panel";
import { requireInstance, type InstanceRouteProps } from "../instance-page";

export const metadata: Metadata = { title: "Stats" };

export default async function InstanceStatsPage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  await requireInstance(projectId, instanceId);
  return <StatsPanel api={`/api/projects/${projectId}/instances/${instanceId}`} />;
}
