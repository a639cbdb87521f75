import "server-only";
import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type Dockerode from "dockerode";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { SESSION_COOKIE } from "@/lib/identity/sessions";
import { authorizeSession, httpStatusOf } from "@/lib/instances/instance-access";
import { TASK_OF } from "@/lib/instances/request-action";
import { logger } from "@/lib/logger";
import { CLOSE, consoleMessage, READY, type ConsoleClose } from "./console-protocol";
import { hangUpCommand, SHELL, ShellPid } from "./shell-pid";

/** Upgrades under this path are consoles: `/api/console/<instanceId>`. */
export const CONSOLE_PATH = "/api/console/";

// Tasks that end the container's processes and start them again.
const RESTARTING_TASKS = new Set<string>([TASK_OF.reboot, TASK_OF["hard-reboot"], TASK_OF.rebuild, TASK_OF.resize, TASK_OF.migrate]);

export type ConsoleTimings = { pingMs: number; recheckMs: number };
const DEFAULT_TIMINGS: ConsoleTimings = { pingMs: 15_000, recheckMs: 3_000 };
const MAX_EARLY_INPUT = 64 * 1024;

/** Ends a shell's session (and what runs in it) with SIGHUP; nothing to do if it is already gone. */
function hangUp(container: Dockerode.Container, pid: number) {
  container
    .exec({ Cmd: hangUpCommand(pid) })
    .then((exec) => exec.start({ Detach: true }))
    .catch(() => undefined);
}

export function isConsoleUpgrade(req: IncomingMessage): boolean {
  return !!req.url?.startsWith(CONSOLE_PATH);
}

function sessionToken(req: IncomingMessage): string | undefined {
  for (const pair of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = pair.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** A page on another site must not open a shell with the visitor's cookie. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Refuses the upgrade with a plain HTTP answer: no socket is opened. */
function refuse(socket: Duplex, status: number) {
  const text = STATUS_CODES[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

const authorize = (token: string | undefined, instanceId: string) => authorizeSession(token, { instanceId }, "instance:console");

/**
 * The console: a WebSocket per shell, authorized on upgrade from the session cookie (anyone else
 * gets an HTTP error and no socket), then `docker exec sh` with a TTY, piped both ways. Binary
 * frames carry the terminal's bytes; text frames carry control messages (resize). It pings every
 * `pingMs` and drops a peer that missed a pong, and every `recheckMs` checks the session, the
 * user's access and the instance's state, closing with a reason the page shows.
 */
export function createConsoleServer(timings: ConsoleTimings = DEFAULT_TIMINGS) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const consoles = new Set<(why: ConsoleClose) => void>();
  let stopping = false;

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", () => socket.destroy());
    if (stopping) return refuse(socket, 503);
    const instanceId = decodeURIComponent(new URL(req.url ?? "/", "http://berth").pathname.slice(CONSOLE_PATH.length));
    if (!sameOrigin(req)) return refuse(socket, 403);
    const token = sessionToken(req);
    let access;
    try {
      access = await authorize(token, instanceId);
    } catch (error) {
      const status = httpStatusOf(error);
      if (status >= 500) logger.error({ err: error, instanceId }, "console authorization failed");
      return refuse(socket, status);
    }
    if (stopping) return refuse(socket, 503);
    wss.handleUpgrade(req, socket, head, (ws) => void runConsole(ws, token, access.instance.id));
  }

  async function runConsole(ws: WebSocket, token: string | undefined, instanceId: string) {
    let exec: Dockerode.Exec | undefined;
    let shell: Duplex | undefined;
    let size: { cols: number; rows: number } | undefined;
    const early: Buffer[] = [];
    let closed = false;
    const timers: NodeJS.Timeout[] = [];

    const close = ({ code, reason }: ConsoleClose) => {
      if (closed) return;
      closed = true;
      consoles.delete(close);
      timers.forEach(clearInterval);
      shell?.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    };
    consoles.add(close);
    ws.on("close", () => close(CLOSE.clientLeft));
    ws.on("error", () => close(CLOSE.clientLeft));

    const resize = () => {
      if (exec && size) exec.resize({ h: size.rows, w: size.cols }).catch(() => undefined);
    };
    ws.on("message", (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(data as Buffer[]);
        // Keys typed while the shell is still starting are kept for it, not dropped.
        if (shell) shell.write(bytes);
        else if (early.reduce((n, b) => n + b.length, 0) < MAX_EARLY_INPUT) early.push(bytes);
        return;
      }
      const message = consoleMessage(data.toString());
      if (message?.type === "resize") {
        size = message;
        resize();
      }
    });

    let alive = true;
    ws.on("pong", () => (alive = true));
    timers.push(
      setInterval(() => {
        if (!alive) {
          ws.terminate();
          return close(CLOSE.clientLeft);
        }
        alive = false;
        ws.ping();
      }, timings.pingMs),
    );

    // Signing out, losing the membership or the role, the instance stopping or pausing.
    const recheck = async () => {
      try {
        const { instance } = await authorize(token, instanceId);
        if (instance.vmState === "paused") close(CLOSE.paused);
        else if (instance.vmState !== "active" || instance.powerState !== "running") close(CLOSE.stopped);
      } catch (error) {
        const code = error instanceof BerthError ? error.code : null;
        if (code === "UNAUTHENTICATED") close(CLOSE.signedOut);
        else if (code === "NOT_FOUND" || code === "FORBIDDEN") close(CLOSE.accessLost);
        else logger.warn({ err: error, instanceId }, "console recheck failed; trying again");
      }
    };
    timers.push(setInterval(() => void recheck(), timings.recheckMs));

    try {
      const { instance } = await authorize(token, instanceId);
      if (instance.vmState !== "active" || instance.powerState !== "running") return close(CLOSE.notRunning(instance.name));
      const host = instance.hostId ? await db().host.findUnique({ where: { id: instance.hostId } }) : null;
      if (!host || !instance.containerId) return close(CLOSE.notRunning(instance.name));
      const container = dockerOf(host).docker.getContainer(instance.containerId);
      exec = await container.exec({
        Cmd: SHELL,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ["TERM=xterm-256color"],
      });
      shell = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
      if (closed) return shell.destroy();
      resize();
      for (const bytes of early.splice(0)) shell.write(bytes);
      ws.send(READY);
      const pid = new ShellPid();
      shell.on("data", (bytes: Buffer) => {
        const output = pid.read(bytes);
        if (output.length) ws.send(output, { binary: true });
      });
      shell.once("error", () => undefined);
      let exited = false;
      shell.once("close", () => {
        // Closed by `close` (it destroys the stream): the shell still runs, and is hung up below.
        if (closed) return;
        exited = true;
        void ended(instanceId, container, exec!).then(close);
      });
      // Docker leaves an exec running when its connection closes: hang the shell up, as a terminal would.
      ws.once("close", () => {
        if (!exited && pid.value) hangUp(container, pid.value);
      });
    } catch (error) {
      logger.warn({ err: error, instanceId }, "console could not start a shell");
      close(CLOSE.failed(error instanceof BerthError ? error.message : (error as Error).message));
    }
  }

  /**
   * Why the shell's stream ended: a task on the instance (the shell dies before Docker reports the
   * container stopped), the container stopping, or the shell itself exiting.
   */
  async function ended(instanceId: string, container: Dockerode.Container, exec: Dockerode.Exec): Promise<ConsoleClose> {
    const [instance, state, result] = await Promise.all([
      db().instance.findUnique({ where: { id: instanceId }, select: { taskState: true } }),
      container.inspect().then((c) => c.State, () => null),
      exec.inspect().then((e) => e, () => null),
    ]);
    const task = instance?.taskState;
    if (task === TASK_OF.stop) return CLOSE.stopped;
    if (task === TASK_OF.delete) return CLOSE.deleting;
    if (task && RESTARTING_TASKS.has(task)) return CLOSE.restarting;
    if (!state?.Running) return CLOSE.stopped;
    if (state.Paused) return CLOSE.paused;
    return CLOSE.exited(result?.ExitCode ?? null);
  }

  /**
   * For shutdown: refuses new consoles and ends every open one with a close frame saying the server
   * is restarting, then waits (at most `graceMs`) for the browsers to answer before cutting the rest.
   */
  async function close(graceMs = 2000): Promise<void> {
    stopping = true;
    const sockets = [...wss.clients];
    const answered = Promise.all(sockets.map((ws) => (ws.readyState === ws.CLOSED ? null : new Promise((resolve) => ws.once("close", resolve)))));
    for (const end of [...consoles]) end(CLOSE.serverStopping);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([answered, new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
    clearTimeout(grace);
    for (const ws of wss.clients) ws.terminate();
  }

  return { handleUpgrade, close };
}
