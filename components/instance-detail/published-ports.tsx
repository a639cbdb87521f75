"use client";

import { useRef, type FormEvent } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { ActionAlert, ActionDone, fieldError, InputField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { PendingButton } from "@/components/admin/pending-button";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { Panel } from "@/components/ui/panel";
import type { ActionResult } from "@/lib/actions/action-client";
import type { InstanceDetail } from "@/lib/instances/instance-detail";
import type { PublishPortInput } from "@/lib/networks/network-schema";

/** Server actions with the project bound; given only to roles that may publish ports. */
export type PortCalls = {
  publish: (input: PublishPortInput & { instanceId: string }) => Promise<ActionResult<{ url: string; hostPort: number; containerPort: number }>>;
  unpublish: (input: { portId: string }) => Promise<ActionResult<void>>;
};

const FIELDS = ["containerPort", "hostPort"] as const;

/** The instance's published ports with where each is reached, and (with the permission) publishing and unpublishing. */
export function PublishedPorts({ instance, calls }: { instance: Pick<InstanceDetail, "id" | "name" | "publishedPorts">; calls?: PortCalls }) {
  const ports = instance.publishedPorts;
  return (
    <Panel title="Published ports">
      {ports.length ? (
        <ul className="divide-y divide-slate-100">
          {ports.map((port) => (
            <li key={port.id} className="flex flex-wrap items-start justify-between gap-2 py-1.5 first:pt-0">
              <div className="min-w-0">
                <span className="tabular-nums">{port.containerPort}</span> →{" "}
                <a href={port.url} target="_blank" rel="noreferrer" className="break-all text-sky-800 hover:underline">
                  {port.url}
                </a>
                {port.hostName && <span className="block text-xs text-slate-500">on host {port.hostName}</span>}
              </div>
              {calls && (
                <ConfirmAction
                  label="Unpublish"
                  pendingLabel="Unpublishing…"
                  title={`Unpublish port ${port.containerPort} of ${instance.name}?`}
                  confirmLabel="Unpublish"
                  run={() => calls.unpublish({ portId: port.id })}
                >
                  {port.url} stops answering at once; the instance keeps running.
                </ConfirmAction>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">No port is published: only instances on its networks reach it.</p>
      )}
      {calls && <PublishPortForm instanceId={instance.id} publish={calls.publish} />}
    </Panel>
  );
}

function PublishPortForm({ instanceId, publish }: { instanceId: string; publish: PortCalls["publish"] }) {
  const formRef = useRef<HTMLFormElement>(null);
  // Checked by the server only: the instance pages stay without zod in the browser (see bench:bundle).
  const request = useAdminAction(publish);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    request.run(
      { instanceId, containerPort: v.number("containerPort"), hostPort: v.optionalText("hostPort") === undefined ? undefined : v.number("hostPort") },
      () => formRef.current?.reset(),
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Publish a port" className="mt-3 space-y-3 border-t border-slate-100 pt-3">
      <h3 className="font-medium text-slate-700">Publish a port</h3>
      <ActionAlert error={request.error} placed={FIELDS} />
      {request.data && (
        <ActionDone>
          Port {request.data.containerPort} published at {request.data.url}.
        </ActionDone>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          id="publish-container-port"
          name="containerPort"
          label="Container port"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          step={1}
          required
          error={fieldError(request.error, "containerPort")}
        />
        <InputField
          id="publish-host-port"
          name="hostPort"
          label="Host port (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          step={1}
          placeholder="the first free one"
          hint="Blank: the first free port of the host's range for published ports."
          error={fieldError(request.error, "hostPort")}
        />
      </div>
      <PendingButton pending={request.pending} pendingLabel="Publishing…">
        Publish port
      </PendingButton>
    </form>
  );
}
