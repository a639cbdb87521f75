"use client";

import { ConfirmAction } from "@/components/admin/confirm-action";
import { deleteFlavorAction } from "./actions";

export function DeleteFlavor({ flavorId, name }: { flavorId: string; name: string }) {
  return (
    <ConfirmAction
      label="Delete"
      pendingLabel="Deleting…"
      title={`Delete flavor ${name}?`}
      confirmLabel="Delete flavor"
      run={() => deleteFlavorAction({ flavorId })}
    >
      No project can launch or resize to {name} any more. Instances that use it keep running with their own copy of its sizes.
    </ConfirmAction>
  );
}
