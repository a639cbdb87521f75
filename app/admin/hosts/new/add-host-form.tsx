"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { endpointOf, ENDPOINT_KINDS, type EndpointKind } from "@/components/admin/endpoint";
import { ActionAlert, ActionDone, InputField, TextAreaField } from "@/components/admin/form-fields";
import { formValues } from "@/components/admin/form-values";
import { useAdminAction } from "@/components/admin/use-admin-action";
import { buttonClass } from "@/components/ui/button-class";
import { formatSize } from "@/components/ui/format";
import { hostEndpointSchema, registerHostSchema } from "@/lib/hosts/host-schema";
import { addHostAction, testConnectionAction } from "../actions";

const PEM_FIELDS = [
  { name: "tlsCa", label: "CA certificate", placeholder: "-----BEGIN CERTIFICATE-----" },
  { name: "tlsCert", label: "Client certificate", placeholder: "-----BEGIN CERTIFICATE-----" },
  { name: "tlsKey", label: "Client key", placeholder: "-----BEGIN PRIVATE KEY-----" },
] as const;

export function AddHostForm() {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<EndpointKind>("unix");
  const probe = useAdminAction(testConnectionAction, hostEndpointSchema);
  const add = useAdminAction(addHostAction, registerHostSchema);
  const error = add.error ?? probe.error;
  const field = (name: string) => error?.fields?.[name];

  function endpointInput() {
    const v = formValues(form.current!);
    const tls = ENDPOINT_KINDS[kind].tls;
    return {
      endpoint: endpointOf(kind, v.text("address")),
      tlsCa: tls ? v.optionalText("tlsCa") : undefined,
      tlsCert: tls ? v.optionalText("tlsCert") : undefined,
      tlsKey: tls ? v.optionalText("tlsKey") : undefined,
    };
  }

  function testConnection() {
    add.reset();
    probe.run(endpointInput());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    probe.reset();
    const v = formValues(event.currentTarget);
    add.run(
      { ...endpointInput(), name: v.text("name"), availabilityZone: v.text("availabilityZone"), diskGiB: v.number("diskGiB") },
      (host) => router.push(`/admin/hosts/${host.id}`),
    );
  }

  const info = probe.data;
  const { address, placeholder, tls } = ENDPOINT_KINDS[kind];
  return (
    <form ref={form} onSubmit={submit} noValidate className="max-w-2xl space-y-4">
      <ActionAlert error={error} />
      <InputField id="name" name="name" label="Name" required autoComplete="off" spellCheck={false} placeholder="docker-2" error={field("name")} hint="Lowercase letters, digits and dashes." />
      <fieldset>
        <legend className="font-medium text-slate-700">Connection</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {(Object.entries(ENDPOINT_KINDS) as [EndpointKind, (typeof ENDPOINT_KINDS)[EndpointKind]][]).map(([value, k]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="size-4" />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <InputField
        id="address"
        name="address"
        label={address}
        required
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        defaultValue={kind === "unix" ? "/var/run/docker.sock" : undefined}
        key={kind}
        className="font-mono"
        error={field("endpoint")}
        hint={kind === "ssh" ? "Berth signs in with the SSH agent of its own process (SSH_AUTH_SOCK)." : undefined}
      />
      {tls && (
        <div className="grid gap-3 md:grid-cols-3">
          {PEM_FIELDS.map((pem) => (
            <TextAreaField key={pem.name} id={pem.name} name={pem.name} label={pem.label} rows={5} spellCheck={false} placeholder={pem.placeholder} error={field(pem.name)} />
          ))}
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField id="availabilityZone" name="availabilityZone" label="Availability zone" defaultValue="nova" required error={field("availabilityZone")} />
        <InputField id="diskGiB" name="diskGiB" label="Disk (GiB)" type="number" min={1} step={1} defaultValue={100} required error={field("diskGiB")} hint="What instances on this host may use; Docker does not report it." />
      </div>
      {info && (
        <ActionDone>
          Connected: Docker {info.dockerVersion} (API {info.apiVersion}) on {info.operatingSystem}, {info.cpus} CPUs, {formatSize(info.memoryMiB, "MiB")} RAM.
        </ActionDone>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={testConnection} disabled={probe.pending || add.pending} className={buttonClass("secondary")}>
          {probe.pending ? "Testing…" : "Test connection"}
        </button>
        <button type="submit" disabled={probe.pending || add.pending} className={buttonClass("primary")}>
          {add.pending ? "Connecting and adding…" : "Add host"}
        </button>
      </div>
      <p className="text-slate-600">Adding tests the connection again: a host that does not answer is never saved.</p>
    </form>
  );
}
