import { OverviewSkeleton } from "@/components/projects/overview-skeleton";

export default function Loading() {
  return <OverviewSkeleton />;
}
