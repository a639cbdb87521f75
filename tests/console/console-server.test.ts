import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE, READY } from "@/lib/console/console-protocol";
import { createConsoleServer } from "@/lib/console/console-server";
import { SESSION_COOKIE, signIn } from "@/lib/identity/sessions";
import { launchInstances } from "@/lib/instances/launch-instances";
import { instanceStatus } from "@/lib/instances/status";
import { eventually, startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
let server: Server;
let consoles: ReturnType<typeof createConsoleServer>;
let url: string;
let cookie: string;
let instanceId: string;

beforeAll(async () => {
  cloud = await startCloud({ hosts: 1 });
  const { instances } = await launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, {
    name: "shell-host",
    imageId: cloud.imageId("busybox"),
    flavorId: cloud.flavorId("m1.tiny"),
    kind: "machine",
  });
  instanceId = instances[0].id;
  await eventually(async () => {
    const row = await cloud.db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    return instanceStatus(row) === "ACTIVE" && row.taskState === null;
  }, 30_000, "ACTIVE");
  cookie = `${SESSION_COOKIE}=${(await signIn(cloud.db, "admin", "admin-password", 1)).token}`;

  consoles = createConsoleServer();
  server = createServer();
  server.on("upgrade", (req, socket, head) => void consoles.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/console/${instanceId}`;
});

afterAll(async () => {
  server?.close();
  await cloud?.stop();
});

/** Opens a console and waits until its shell runs. */
async function openConsole(): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.on("message", (data, isBinary) => !isBinary && data.toString() === READY && resolve());
    socket.once("error", reject);
    socket.once("close", (code, reason) => reject(new Error(`closed ${code}: ${reason}`)));
  });
  return socket;
}

async function processCount(): Promise<number> {
  const row = await cloud.db.instance.findUniqueOrThrow({ where: { id: instanceId }, include: { host: true } });
  const top = await cloud.docker(row.host!).getContainer(row.containerId!).top();
  return top.Processes?.length ?? 0;
}

describe("console server", () => {
  it("ends every open console with a reason on close, hangs their shells up and refuses new ones", async () => {
    const before = await processCount();
    const sockets = [await openConsole(), await openConsole()];
    await eventually(async () => (await processCount()) >= before + 2, 10_000, "both shells running");
    const closes = sockets.map((socket) => new Promise<[number, string]>((resolve) => socket.once("close", (code, reason) => resolve([code, reason.toString()]))));

    await consoles.close();

    expect(await Promise.all(closes)).toEqual([
      [CLOSE.serverStopping.code, "Berth is restarting; reconnect in a moment."],
      [CLOSE.serverStopping.code, "Berth is restarting; reconnect in a moment."],
    ]);
    await eventually(async () => (await processCount()) === before, 10_000, "the shells hung up");

    const refused = new WebSocket(url, { headers: { cookie } });
    const status = await new Promise<number>((resolve) => {
      refused.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      refused.on("open", () => resolve(101));
      refused.on("error", () => undefined);
    });
    refused.terminate();
    expect(status).toBe(503);
  });
});
