/** How an engine is reached, as the add-host form offers it. */
export const ENDPOINT_KINDS = {
  unix: { label: "Unix socket", scheme: "unix", address: "Socket path", placeholder: "/var/run/docker.sock", tls: false },
  tcp: { label: "TCP", scheme: "tcp", address: "Host and port", placeholder: "10.0.0.5:2375", tls: false },
  tls: { label: "TCP + TLS", scheme: "tcp", address: "Host and port", placeholder: "10.0.0.5:2376", tls: true },
  ssh: { label: "SSH", scheme: "ssh", address: "User, host and port", placeholder: "deploy@10.0.0.5:22", tls: false },
} as const;

export type EndpointKind = keyof typeof ENDPOINT_KINDS;

/** `unix` + `/var/run/docker.sock` → `unix:///var/run/docker.sock`; an address that already names its scheme is kept. */
export function endpointOf(kind: EndpointKind, address: string): string {
  const trimmed = address.trim();
  if (/^[a-z]+:\/\//.test(trimmed)) return trimmed;
  return `${ENDPOINT_KINDS[kind].scheme}://${trimmed}`;
}
