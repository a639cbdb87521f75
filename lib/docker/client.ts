import "server-only";
import { finished, PassThrough, Writable, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import Dockerode from "dockerode";
import { BerthError } from "@/lib/errors";
import { MANAGED_FILTER } from "./labels";

export type HostEndpoint = { endpoint: string; tlsCa?: string | null; tlsCert?: string | null; tlsKey?: string | null };

export type HostInfo = {
  dockerVersion: string;
  apiVersion: string;
  operatingSystem: string;
  cpus: number;
  memoryMiB: number;
  name: string;
};

export type LogStreamName = "stdout" | "stderr";
export type LogChunk = { stream: LogStreamName; text: string };
/** `since` is in Unix seconds; `tail` counts lines from the end (all when absent). */
export type LogOptions = { tail?: number; since?: number; timestamps?: boolean; follow?: boolean };

const PROBE_TIMEOUT_MS = 5_000;

// dockerode fills options we leave unset from this process's DOCKER_HOST, DOCKER_TLS_VERIFY and
// DOCKER_CERT_PATH; a registered endpoint must mean the same thing whatever that environment says.
const NOTHING_FROM_ENV: Dockerode.DockerOptions = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  username: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
};

function invalidEndpoint(message: string, field = "endpoint"): never {
  throw new BerthError("INVALID_INPUT", message, { [field]: message });
}

function tlsOf(e: HostEndpoint): { ca: string; cert: string; key: string } | null {
  const given = { tlsCa: e.tlsCa?.trim(), tlsCert: e.tlsCert?.trim(), tlsKey: e.tlsKey?.trim() };
  const missing = Object.entries(given).filter(([, pem]) => !pem).map(([field]) => field);
  if (missing.length === 3) return null;
  if (missing.length) {
    const message = "TLS needs the CA certificate, the client certificate and the client key together.";
    throw new BerthError("INVALID_INPUT", message, Object.fromEntries(missing.map((f) => [f, "required for TLS"])));
  }
  return { ca: given.tlsCa!, cert: given.tlsCert!, key: given.tlsKey! };
}

/** Turns a registered endpoint into dockerode options; throws INVALID_INPUT naming what is wrong. */
export function parseEndpoint(e: HostEndpoint, sshAuthSock = process.env.SSH_AUTH_SOCK): Dockerode.DockerOptions {
  const scheme = /^([a-z]+):\/\//.exec(e.endpoint)?.[1];
  const tls = tlsOf(e);
  if (tls && scheme !== "tcp") invalidEndpoint("TLS certificates apply to tcp:// endpoints only.");

  if (scheme === "unix") {
    const socketPath = e.endpoint.slice("unix://".length);
    if (!socketPath.startsWith("/") || socketPath === "/") {
      invalidEndpoint("A unix endpoint needs an absolute socket path, e.g. unix:///var/run/docker.sock.");
    }
    return { ...NOTHING_FROM_ENV, socketPath, protocol: "http" };
  }
  if (scheme !== "tcp" && scheme !== "ssh") {
    invalidEndpoint("Use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host[:port].");
  }

  let url: URL;
  try {
    url = new URL(e.endpoint);
  } catch {
    return invalidEndpoint(`${e.endpoint} is not a valid address.`);
  }
  if (!url.hostname) invalidEndpoint(`A ${scheme} endpoint needs a host, e.g. ${scheme}://${scheme === "ssh" ? "user@" : ""}10.0.0.5.`);

  if (scheme === "ssh") {
    if (!url.username) invalidEndpoint("An ssh endpoint needs a user, e.g. ssh://deploy@10.0.0.5.");
    return {
      ...NOTHING_FROM_ENV,
      protocol: "ssh",
      host: url.hostname,
      port: Number(url.port || 22),
      username: decodeURIComponent(url.username),
      sshOptions: { agent: sshAuthSock },
    };
  }
  return {
    ...NOTHING_FROM_ENV,
    protocol: tls ? "https" : "http",
    host: url.hostname,
    port: Number(url.port || (tls ? 2376 : 2375)),
    ...tls,
  };
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

type DockerodeError = Error & { statusCode?: number; code?: string; level?: string; json?: { message?: string } | null };

/** Maps whatever dockerode or the socket threw to Berth's error type, keeping the original text in `details`. */
export function toBerthError(error: unknown, context: string): BerthError {
  if (error instanceof BerthError) return error;
  const e = error as DockerodeError;
  const reason = (e.json && typeof e.json === "object" && e.json.message) || e.message || String(error);
  const details = e.message;
  if (e.statusCode === 404) return new BerthError("NOT_FOUND", `${context}: ${reason}`, undefined, details);
  if (e.statusCode === 409) return new BerthError("CONFLICT", `${context}: ${reason}`, undefined, details);
  // ssh2 reports connection and authentication failures with a `level` instead of a `code`.
  if ((e.code && UNREACHABLE_CODES.has(e.code)) || e.level?.startsWith("client-")) {
    return new BerthError("HOST_UNAVAILABLE", `${context}: cannot reach the Docker engine (${reason})`, undefined, details);
  }
  return new BerthError("DOCKER_ERROR", `${context}: ${reason}`, undefined, details);
}

// @types/dockerode 4 does not declare the abortSignal that dockerode 5 accepts on these calls.
type AbortableCalls = {
  info(opts: { abortSignal: AbortSignal }): Promise<{ NCPU: number; MemTotal: number; OperatingSystem: string; Name: string }>;
  version(opts: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
  ping(opts: { abortSignal: AbortSignal }): Promise<unknown>;
};

async function readToEnd(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Decodes per stream, so a UTF-8 character split across two frames still comes out whole. */
function logDecoder() {
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  return {
    write: (stream: LogStreamName, bytes: Buffer): LogChunk => ({ stream, text: decoders[stream].write(bytes) }),
    end: (): LogChunk[] => (["stdout", "stderr"] as const).map((stream) => ({ stream, text: decoders[stream].end() })),
  };
}

const FRAME_HEADER_BYTES = 8;
// Stream 0 (stdin) only shows up as echoed input; it reads best as output.
const FRAME_STREAMS: Record<number, LogStreamName> = { 0: "stdout", 1: "stdout", 2: "stderr" };

/**
 * Splits Docker's multiplexed log format (per frame: stream byte, 3 zero bytes, uint32 BE length,
 * payload). Bytes that do not start with a valid header (a TTY container) come out as stdout.
 */
export function demuxBuffer(buf: Buffer): LogChunk[] {
  const decoder = logDecoder();
  const chunks: LogChunk[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const stream = FRAME_STREAMS[buf[offset]];
    if (!stream || offset + FRAME_HEADER_BYTES > buf.length) {
      chunks.push(decoder.write("stdout", buf.subarray(offset)));
      break;
    }
    const end = offset + FRAME_HEADER_BYTES + buf.readUInt32BE(offset + 4);
    chunks.push(decoder.write(stream, buf.subarray(offset + FRAME_HEADER_BYTES, end)));
    offset = end;
  }
  return [...chunks, ...decoder.end()].filter((c) => c.text);
}

/** One registered Docker engine, reached through one dockerode client. */
export type BridgeNetworkSpec = { name: string; subnet: string; gateway: string; dynamicRange: string; labels: Record<string, string> };

export class DockerHost {
  /** For what this wrapper does not cover (container create, exec, events…). */
  readonly docker: Dockerode;
  readonly endpoint: HostEndpoint;

  constructor(endpoint: HostEndpoint) {
    this.endpoint = { endpoint: endpoint.endpoint, tlsCa: endpoint.tlsCa, tlsCert: endpoint.tlsCert, tlsKey: endpoint.tlsKey };
    this.docker = new Dockerode(parseEndpoint(endpoint));
  }

  private get abortable(): AbortableCalls {
    return this.docker as unknown as AbortableCalls;
  }

  /** Runs `call` with an abort signal, so a host that accepts connections but never answers fails fast too. */
  private async withDeadline<T>(what: string, timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await call(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        throw new BerthError(
          "HOST_UNAVAILABLE",
          `${what} ${this.endpoint.endpoint}: no answer within ${timeoutMs / 1000} s`,
        );
      }
      throw toBerthError(error, `${what} ${this.endpoint.endpoint}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async probe(timeoutMs = PROBE_TIMEOUT_MS): Promise<HostInfo> {
    const [info, version] = await this.withDeadline("Probing", timeoutMs, (abortSignal) =>
      Promise.all([this.abortable.info({ abortSignal }), this.abortable.version({ abortSignal })]),
    );
    return {
      dockerVersion: version.Version,
      apiVersion: version.ApiVersion,
      operatingSystem: info.OperatingSystem,
      cpus: info.NCPU,
      memoryMiB: Math.floor(info.MemTotal / 1024 / 1024),
      name: info.Name,
    };
  }

  async ping(timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
    await this.withDeadline("Pinging", timeoutMs, (abortSignal) => this.abortable.ping({ abortSignal }));
  }

  async hasImage(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).inspect();
      return true;
    } catch (error) {
      if ((error as DockerodeError).statusCode === 404) return false;
      throw toBerthError(error, `Inspecting image ${ref}`);
    }
  }

  /** Loads a `docker save` archive. Docker reports a failed load inside a 200 reply, so the reply is read to its end. */
  async loadImage(archive: NodeJS.ReadableStream): Promise<void> {
    let unreadable: Error | undefined;
    archive.once("error", (error: Error) => (unreadable = error));
    let reply: Buffer;
    try {
      reply = await readToEnd(await this.docker.loadImage(archive, { quiet: true }));
    } catch (error) {
      // A local file that cannot be read is not the host's fault.
      if (unreadable) throw new BerthError("INTERNAL", `Reading the image archive failed: ${unreadable.message}`);
      throw toBerthError(error, `Loading an image on ${this.endpoint.endpoint}`);
    }
    for (const line of reply.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { error?: string; errorDetail?: { message?: string } };
      if (message.error) {
        throw new BerthError("DOCKER_ERROR", `Loading an image on ${this.endpoint.endpoint}: ${message.error}`);
      }
    }
  }

  async saveImage(ref: string): Promise<NodeJS.ReadableStream> {
    try {
      return await this.docker.getImage(ref).get();
    } catch (error) {
      throw toBerthError(error, `Saving image ${ref}`);
    }
  }

  /** An image that is already gone counts as removed. */
  async removeImage(ref: string, { force = false } = {}): Promise<void> {
    try {
      await this.docker.getImage(ref).remove({ force });
    } catch (error) {
      if ((error as DockerodeError).statusCode === 404) return;
      throw toBerthError(error, `Removing image ${ref}`);
    }
  }

  /**
   * A bridge network with a fixed subnet, created unless one of that name exists (a run that
   * crashed, or another launch, may have made it). Returns its Docker id.
   */
  async ensureNetwork(spec: BridgeNetworkSpec): Promise<string> {
    const existing = await this.networkId(spec.name);
    if (existing) return existing;
    try {
      const created = await this.docker.createNetwork({
        Name: spec.name,
        Driver: "bridge",
        CheckDuplicate: true,
        Labels: spec.labels,
        IPAM: { Driver: "default", Config: [{ Subnet: spec.subnet, Gateway: spec.gateway, IPRange: spec.dynamicRange }] },
      });
      return created.id;
    } catch (error) {
      const raced = (error as DockerodeError).statusCode === 409 ? await this.networkId(spec.name) : null;
      if (raced) return raced;
      throw toBerthError(error, `Creating network ${spec.name} (${spec.subnet}) on ${this.endpoint.endpoint}`);
    }
  }

  private async networkId(name: string): Promise<string | null> {
    try {
      return ((await this.docker.getNetwork(name).inspect()) as { Id: string }).Id;
    } catch (error) {
      if ((error as DockerodeError).statusCode === 404) return null;
      throw toBerthError(error, `Inspecting network ${name}`);
    }
  }

  /** A network that is already gone counts as removed. */
  async removeNetwork(name: string): Promise<void> {
    try {
      await this.docker.getNetwork(name).remove();
    } catch (error) {
      if ((error as DockerodeError).statusCode === 404) return;
      throw toBerthError(error, `Removing network ${name} on ${this.endpoint.endpoint}`);
    }
  }

  async listManagedNetworks(): Promise<Dockerode.NetworkInspectInfo[]> {
    try {
      return await this.docker.listNetworks({ filters: { label: [MANAGED_FILTER] } });
    } catch (error) {
      throw toBerthError(error, `Listing networks on ${this.endpoint.endpoint}`);
    }
  }

  async listManagedContainers(): Promise<Dockerode.ContainerInfo[]> {
    try {
      return await this.docker.listContainers({ all: true, filters: { label: [MANAGED_FILTER] } });
    } catch (error) {
      throw toBerthError(error, `Listing containers on ${this.endpoint.endpoint}`);
    }
  }

  /**
   * A container's output, demultiplexed. Without `follow`: what was logged so far. With `follow`:
   * `streamLogs`' stream, which errors (HOST_UNAVAILABLE) when the host goes away.
   */
  logs(containerId: string, options: LogOptions & { follow: true }): Promise<Readable>;
  logs(containerId: string, options?: LogOptions & { follow?: false }): Promise<LogChunk[]>;
  async logs(containerId: string, { follow = false, tail, since, timestamps = false }: LogOptions = {}) {
    if (follow) return this.streamLogs(containerId, { follow, tail, since, timestamps });
    const context = `Reading logs of container ${containerId}`;
    try {
      const { Config } = await this.docker.getContainer(containerId).inspect();
      const bytes = await readToEnd(await this.openLogs(containerId, { follow, tail, since, timestamps }));
      return Config.Tty ? [{ stream: "stdout", text: bytes.toString("utf8") }].filter((c) => c.text) : demuxBuffer(bytes);
    } catch (error) {
      throw toBerthError(error, context);
    }
  }

  /**
   * A container's output as an object-mode stream of `LogChunk`s, read as it arrives rather than
   * gathered first, so a log of any size passes through in constant memory. Without `follow` it ends
   * at the end of the log; with `follow` when the container stops. Destroy it to stop reading.
   */
  async streamLogs(containerId: string, { follow = false, tail, since, timestamps = false }: LogOptions = {}): Promise<Readable> {
    const context = `Reading logs of container ${containerId}`;
    try {
      const { Config } = await this.docker.getContainer(containerId).inspect();
      return this.demuxed(await this.openLogs(containerId, { follow, tail, since, timestamps }), Config.Tty, context);
    } catch (error) {
      throw toBerthError(error, context);
    }
  }

  // Not container.logs(): without follow it JSON-parses the reply, which mangles TTY output that happens to be JSON.
  private openLogs(id: string, query: Omit<LogOptions, "follow"> & { follow: boolean }): Promise<NodeJS.ReadableStream> {
    const options = Object.fromEntries(
      Object.entries({ stdout: true, stderr: true, ...query }).filter(([, value]) => value !== undefined),
    );
    return new Promise((resolve, reject) =>
      this.docker.modem.dial(
        {
          path: `/containers/${encodeURIComponent(id)}/logs?`,
          method: "GET",
          options,
          isStream: true,
          statusCodes: { 200: true, 404: "no such container", 500: "server error" },
        },
        (error, stream) => (error ? reject(error) : resolve(stream as NodeJS.ReadableStream)),
      ),
    );
  }

  private demuxed(raw: NodeJS.ReadableStream, tty: boolean, context: string): Readable {
    const out = new PassThrough({ objectMode: true });
    const decoder = logDecoder();
    const push = (stream: LogStreamName, bytes: Buffer) => {
      const chunk = decoder.write(stream, bytes);
      if (chunk.text && !out.write(chunk)) {
        raw.pause();
        out.once("drain", () => raw.resume());
      }
    };
    const sink = (stream: LogStreamName) =>
      new Writable({
        write(bytes: Buffer, _encoding, done) {
          push(stream, bytes);
          done();
        },
      });
    if (tty) raw.on("data", (bytes: Buffer) => push("stdout", bytes));
    else this.docker.modem.demuxStream(raw, sink("stdout"), sink("stderr"));

    finished(raw, (error) => {
      if (!error) {
        for (const rest of decoder.end()) if (rest.text) out.write(rest);
        out.end();
      } else out.destroy(toBerthError(error, context));
    });
    out.on("close", () => (raw as Readable).destroy());
    return out;
  }
}

export function connectHost(endpoint: HostEndpoint): DockerHost {
  return new DockerHost(endpoint);
}

const hostsById = new Map<string, DockerHost>();

function sameEndpoint(a: HostEndpoint, b: HostEndpoint): boolean {
  return (
    a.endpoint === b.endpoint &&
    (a.tlsCa ?? null) === (b.tlsCa ?? null) &&
    (a.tlsCert ?? null) === (b.tlsCert ?? null) &&
    (a.tlsKey ?? null) === (b.tlsKey ?? null)
  );
}

/** The one client per registered host in this process; a host whose endpoint was edited gets a new one. */
export function dockerHostFor(hostId: string, endpoint: HostEndpoint): DockerHost {
  const cached = hostsById.get(hostId);
  if (cached && sameEndpoint(cached.endpoint, endpoint)) return cached;
  const host = connectHost(endpoint);
  hostsById.set(hostId, host);
  return host;
}
