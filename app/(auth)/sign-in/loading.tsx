import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <main className="mx-auto max-w-sm p-4 pt-24">
      <PageSkeleton rows={2} />
    </main>
  );
}
