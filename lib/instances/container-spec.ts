import type Dockerode from "dockerode";
import { berthLabels, LABELS } from "@/lib/docker/labels";

const MiB = 1024 * 1024;
const DEFAULT_PIDS_LIMIT = 1024;

// Docker's default set minus the ones a tenant container has no business with (NET_RAW, MKNOD,
// AUDIT_WRITE, SETFCAP): enough for a shell, package tools and servers on low ports.
export const CAPABILITIES = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT"];

export type InstanceSpec = {
  id: string;
  name: string;
  projectId: string;
  kind: "machine" | "application";
  vcpus: number;
  ramMiB: number;
  swapMiB: number;
  flavorExtraSpecs: unknown;
  command: unknown;
  entrypoint: unknown;
  env: unknown;
  workingDir: string | null;
  labels: unknown;
};

export function containerName(instanceId: string): string {
  return `berth-${instanceId}`;
}

/** A hostname Docker accepts, from an instance name: lowercase letters, digits, dashes, at most 63. */
export function hostnameOf(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63);
  return cleaned || "instance";
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

function numberSpec(specs: unknown, key: string): number | undefined {
  const v = (specs as Record<string, unknown> | null)?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * Docker's create request for an instance: hardened by default (init, no privileges, a minimal
 * capability set, no-new-privileges, pids/CPU/memory limits from the flavor, no host mounts) and
 * labelled so Berth can always find what it created.
 */
export function toCreateOptions(instance: InstanceSpec, imageRef: string, hostCpus?: number): Dockerode.ContainerCreateOptions {
  const machine = instance.kind === "machine";
  const memory = instance.ramMiB * MiB;
  const userLabels = Object.fromEntries(
    Object.entries(stringMap(instance.labels)).filter(([k]) => !k.startsWith("berth.")),
  );
  return {
    name: containerName(instance.id),
    Image: imageRef,
    Cmd: stringList(instance.command),
    Entrypoint: stringList(instance.entrypoint),
    Env: Object.entries(stringMap(instance.env)).map(([k, v]) => `${k}=${v}`),
    WorkingDir: instance.workingDir ?? undefined,
    Hostname: hostnameOf(instance.name),
    // A machine keeps its shell alive on a terminal, like a VM's console; an application runs its command.
    Tty: machine,
    OpenStdin: machine,
    // An interactive shell ignores SIGTERM; like closing a console, a hangup ends it at once.
    StopSignal: machine && !stringList(instance.command) ? "SIGHUP" : undefined,
    Labels: { ...userLabels, ...berthLabels({ instanceId: instance.id, projectId: instance.projectId }), [LABELS.kind]: instance.kind },
    HostConfig: {
      Init: true,
      Privileged: false,
      CapDrop: ["ALL"],
      CapAdd: CAPABILITIES,
      SecurityOpt: ["no-new-privileges"],
      // vCPUs are overcommitted by the allocation ratio, but Docker caps one container at the host's CPUs.
      NanoCpus: Math.round(Math.min(instance.vcpus, hostCpus || instance.vcpus) * 1e9),
      Memory: memory,
      MemorySwap: memory + instance.swapMiB * MiB,
      PidsLimit: numberSpec(instance.flavorExtraSpecs, "pids_limit") ?? DEFAULT_PIDS_LIMIT,
      CpuShares: numberSpec(instance.flavorExtraSpecs, "cpu_shares"),
      Binds: [],
      LogConfig: { Type: "json-file", Config: { "max-size": "100m", "max-file": "3" } },
    },
  };
}
