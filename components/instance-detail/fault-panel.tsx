import { formatTimestamp } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InstanceDetail } from "@/lib/instances/instance-detail";

/** Why an instance is in ERROR, in full: the first thing its page shows. */
export function FaultPanel({ fault, now }: { fault: NonNullable<InstanceDetail["fault"]>; now: Date }) {
  return (
    <section aria-labelledby="fault-title" role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 lg:col-span-2">
      <h2 id="fault-title" className="text-xs font-semibold uppercase tracking-wide text-red-800">
        Fault{fault.code !== null && <span className="ml-2 font-mono normal-case">code {fault.code}</span>}
      </h2>
      <p className="mt-2 whitespace-pre-wrap break-words font-medium text-red-900">{fault.message}</p>
      {fault.details && (
        <details className="mt-2">
          <summary className="cursor-pointer text-red-800">Details</summary>
          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-white/70 p-2 font-mono text-xs text-red-900">{fault.details}</pre>
        </details>
      )}
      {fault.at && (
        <p className="mt-2 text-xs text-red-800">
          {formatTimestamp(new Date(fault.at))} (<RelativeTime date={new Date(fault.at)} now={now} suffix=" ago" />)
        </p>
      )}
    </section>
  );
}
