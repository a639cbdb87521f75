"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { removeHostAction } from "../actions";

export function RemoveHost({ hostId, hostName }: { hostId: string; hostName: string }) {
  const router = useRouter();
  return (
    <ConfirmAction
      label="Remove host"
      pendingLabel="Removing…"
      title={`Remove ${hostName}?`}
      confirmLabel="Remove"
      variant="danger"
      run={() => removeHostAction({ hostId })}
      onDone={() => router.push("/admin/hosts")}
    >
      Berth forgets {hostName}: it places nothing there any more and stops watching it. The engine itself and its images are left as they are.
    </ConfirmAction>
  );
}
