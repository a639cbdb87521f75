"use client";

import { FormDialog } from "@/components/admin/form-dialog";
import { fieldError, InputField } from "@/components/admin/form-fields";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { OpenDialogButton } from "@/components/ui/open-dialog-button";
import type { ActionResult } from "@/lib/actions/action-client";
import { createNetworkSchema, type CreateNetworkInput } from "@/lib/networks/network-schema";

export type CreateNetworkCall = (input: CreateNetworkInput) => Promise<ActionResult<{ id: string; name: string }>>;

export function CreateNetwork({ create }: { create: CreateNetworkCall }) {
  return <OpenDialogButton label="Create network" dialog={(close) => <CreateNetworkDialog create={create} close={close} />} />;
}

function CreateNetworkDialog({ create, close }: { create: CreateNetworkCall; close: (done?: string) => void }) {
  const request = useAdminAction(create, createNetworkSchema);
  return (
    <FormDialog
      title="Create network"
      description="A private network of this project; instances join it at launch."
      action={request}
      placed={["name", "cidr", "description"]}
      pendingLabel="Creating…"
      submitLabel="Create network"
      onClose={() => close()}
      onSubmit={(v) =>
        request.run({ name: v.text("name"), cidr: v.text("cidr"), description: v.text("description") }, ({ name }) => close(`Network ${name} created.`))
      }
    >
      <InputField id="network-name" name="name" label="Name" required maxLength={63} autoComplete="off" spellCheck={false} error={fieldError(request.error, "name")} />
      <InputField
        id="network-cidr"
        name="cidr"
        label="Subnet (optional)"
        placeholder="automatic"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        error={fieldError(request.error, "cidr")}
        hint="Blank: automatic, a free /24 on each host where the network is used. Or a private subnet from /16 to /28, e.g. 10.20.0.0/24."
      />
      <InputField id="network-description" name="description" label="Description (optional)" maxLength={255} error={fieldError(request.error, "description")} />
    </FormDialog>
  );
}
