import { UsageSummary } from "@/components/projects/usage-summary";
import { db } from "@/lib/db/client";
import type { UsagePeriod } from "@/lib/usage/usage-period";
import { usageReport } from "@/lib/usage/usage-report";

/** Streams in after the rest of the overview: a long period over many instances takes a moment. */
export async function UsageSection({ projectId, period }: { projectId: string; period: UsagePeriod }) {
  const report = await usageReport(db(), projectId, period.from, period.to);
  return <UsageSummary report={report} projectId={projectId} />;
}
