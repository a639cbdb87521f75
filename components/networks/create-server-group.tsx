"use client";

import { FormDialog } from "@/components/admin/form-dialog";
import { fieldError, InputField, SelectField } from "@/components/admin/form-fields";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { OpenDialogButton } from "@/components/ui/open-dialog-button";
import type { ActionResult } from "@/lib/actions/action-client";
import { createServerGroupSchema, POLICY_LABEL, SERVER_GROUP_POLICIES, type CreateServerGroupInput } from "@/lib/networks/network-schema";

export type CreateServerGroupCall = (input: CreateServerGroupInput) => Promise<ActionResult<{ id: string; name: string }>>;

export function CreateServerGroup({ create }: { create: CreateServerGroupCall }) {
  return <OpenDialogButton label="Create server group" variant="secondary" dialog={(close) => <CreateServerGroupDialog create={create} close={close} />} />;
}

function CreateServerGroupDialog({ create, close }: { create: CreateServerGroupCall; close: (done?: string) => void }) {
  const request = useAdminAction(create, createServerGroupSchema);
  return (
    <FormDialog
      title="Create server group"
      description="Instances launched into a group are placed by its policy."
      action={request}
      placed={["name", "policy"]}
      pendingLabel="Creating…"
      submitLabel="Create server group"
      onClose={() => close()}
      onSubmit={(v) =>
        request.run({ name: v.text("name"), policy: v.text("policy") as CreateServerGroupInput["policy"] }, ({ name }) => close(`Server group ${name} created.`))
      }
    >
      <InputField id="group-name" name="name" label="Name" required maxLength={63} autoComplete="off" spellCheck={false} error={fieldError(request.error, "name")} />
      <SelectField
        id="group-policy"
        name="policy"
        label="Policy"
        defaultValue="affinity"
        error={fieldError(request.error, "policy")}
        hint="Affinity keeps the group on one host, so its instances share private networks. Anti-affinity puts each on a different host."
      >
        {SERVER_GROUP_POLICIES.map((policy) => (
          <option key={policy} value={policy}>
            {POLICY_LABEL[policy]}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}
