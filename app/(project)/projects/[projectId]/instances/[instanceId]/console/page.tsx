import type { Metadata } from "next";
import { LiveConsole } from "@/components/console/live-console";
import { can } from "@/lib/identity/permissions";
import { requireInstance, type InstanceRouteProps } from "../instance-page";

export const metadata: Metadata = { title: "Console" };

export default async function InstanceConsolePage({ params }: InstanceRouteProps) {
  const { projectId, instanceId } = await params;
  const { role } = await requireInstance(projectId, instanceId);
  if (!can(role, "instance:console")) {
    return (
      <p role="status" className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
        Your role in this project ({role}) can read logs but cannot open a shell. Ask a project member for access.
      </p>
    );
  }
  return <LiveConsole instanceId={instanceId} />;
}
