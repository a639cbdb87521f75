// The real Debian `openstack` CLI (python3-openstackclient) against Berth's OpenStack API, served
// by a plain HTTP server in this process with Berth's background services running, so servers
// really reach ACTIVE on a test dockerd. Each CLI call costs a Python start-up (1–2 s on an idle
// machine): independent calls run side by side.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceStatus } from "@/lib/instances/status";
import { eventually, startCloud, type Cloud } from "../support/cloud";
import { startApiServer } from "./api-server";

let cloud: Cloud;
let api: Awaited<ReturnType<typeof startApiServer>>;
let work: string;
let archive: string;

type Login = { user: string; password: string; project: string };
const ADMIN: Login = { user: "admin", password: "admin-password", project: "demo" };
const OUTSIDER: Login = { user: "cli-outsider", password: "outsider-password-1", project: "cli-other" };

type Run = { code: number; stdout: string; stderr: string };

/** One `openstack` command, as a user would type it with the README's OS_* variables. */
function openstack(args: string[], login: Login = ADMIN): Promise<Run> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("OS_")) delete env[key];
  Object.assign(env, {
    HOME: work,
    OS_AUTH_URL: `${api.url}/identity/v3`,
    OS_USERNAME: login.user,
    OS_PASSWORD: login.password,
    OS_PROJECT_NAME: login.project,
    OS_USER_DOMAIN_NAME: "Default",
    OS_PROJECT_DOMAIN_NAME: "Default",
    OS_IDENTITY_API_VERSION: "3",
  });
  return new Promise((resolve) => {
    execFile("openstack", args, { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A command that must succeed; its JSON output (`-f json`) parsed. */
async function ok<T = Record<string, unknown>>(args: string[], login?: Login): Promise<T> {
  const run = await openstack([...args, "-f", "json"], login);
  if (run.code !== 0) throw new Error(`openstack ${args.join(" ")} failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

async function quiet(args: string[], login?: Login): Promise<Run> {
  const run = await openstack(args, login);
  if (run.code !== 0) throw new Error(`openstack ${args.join(" ")} failed (${run.code}): ${run.stderr}`);
  return run;
}

async function statusOf(id: string) {
  const row = await cloud.db.instance.findUniqueOrThrow({ where: { id } });
  return row.taskState === null ? instanceStatus(row) : null;
}

const until = (id: string, status: string) => eventually(async () => (await statusOf(id)) === status, 30_000, `server ${status}`);

beforeAll(async () => {
  const probe = await new Promise<boolean>((resolve) => execFile("openstack", ["--version"], (error) => resolve(!error)));
  if (!probe) throw new Error("The openstack CLI is missing: apt-get install python3-openstackclient (npm test installs it).");
  cloud = await startCloud({ hosts: 1 });
  api = await startApiServer();
  work = await mkdtemp(path.join(tmpdir(), "berth-cli-"));
  // A real `docker save` archive, made by the test daemon.
  const chunks: Buffer[] = [];
  for await (const chunk of (await cloud.docker(cloud.hosts[0]).getImage("berth/busybox:1").get()) as AsyncIterable<Buffer>) chunks.push(chunk);
  archive = path.join(work, "busybox.tar");
  await writeFile(archive, Buffer.concat(chunks));
});

afterAll(async () => {
  await api?.stop();
  await cloud?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the openstack CLI against Berth", () => {
  let serverId: string;

  it("issues a token scoped to the project; only its hash is stored", async () => {
    const token = await ok<{ id: string; project_id: string; user_id: string; expires: string }>(["token", "issue"]);
    expect(token).toMatchObject({ project_id: cloud.projectId, user_id: cloud.userId });
    expect(new Date(token.expires).getTime()).toBeGreaterThan(Date.now());
    const hash = createHash("sha256").update(token.id).digest("hex");
    expect(await cloud.db.apiToken.count({ where: { tokenHash: hash } })).toBe(1);
    expect(await cloud.db.apiToken.count({ where: { tokenHash: token.id } })).toBe(0);
  });

  it("lists flavors, creates one (admin), and uploads an image from a docker save archive", async () => {
    const [flavors, created, image] = await Promise.all([
      ok<{ Name: string; RAM: number; VCPUs: number }[]>(["flavor", "list"]),
      ok<{ id: string; name: string; ram: number }>(["flavor", "create", "--vcpus", "1", "--ram", "96", "--disk", "1", "m1.cli"]),
      ok<{ id: string; name: string }>(["image", "create", "--container-format", "docker", "--disk-format", "raw", "--file", archive, "cli-busybox"]),
    ]);
    expect(flavors).toContainEqual(expect.objectContaining({ Name: "m1.tiny", RAM: 128, VCPUs: 1 }));
    expect(created).toMatchObject({ name: "m1.cli", ram: 96 });
    expect(await cloud.db.flavor.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ ramMiB: 96, vcpus: 1, diskGiB: 1 });

    const stored = await cloud.db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(stored).toMatchObject({ name: "cli-busybox", status: "active", ownerProjectId: cloud.projectId });
    expect(stored.archiveDigest).toBe(createHash("sha256").update(await readFile(archive)).digest("hex"));
    const images = await ok<{ ID: string; Name: string; Status: string }[]>(["image", "list"]);
    expect(images).toContainEqual({ ID: image.id, Name: "cli-busybox", Status: "active" });
  });

  it("creates a server from the uploaded image and waits for ACTIVE; lists and shows it", async () => {
    const server = await ok<{ id: string; status: string; name: string }>([
      "server", "create", "--image", "cli-busybox", "--flavor", "m1.tiny", "--property", "berth:kind=machine", "--property", "team=cli", "--wait", "cli-1",
    ]);
    expect(server).toMatchObject({ name: "cli-1", status: "ACTIVE" });
    serverId = server.id;
    const row = await cloud.db.instance.findUniqueOrThrow({ where: { id: serverId } });
    expect(row).toMatchObject({ kind: "machine", labels: { team: "cli" }, projectId: cloud.projectId, vmState: "active" });

    const [list, shown] = await Promise.all([
      ok<{ ID: string; Name: string; Status: string; Image: string; Flavor: string }[]>(["server", "list"]),
      ok<Record<string, unknown>>(["server", "show", "cli-1"]),
    ]);
    expect(list).toContainEqual(expect.objectContaining({ ID: serverId, Name: "cli-1", Status: "ACTIVE", Image: "cli-busybox", Flavor: "m1.tiny" }));
    expect(shown).toMatchObject({ id: serverId, status: "ACTIVE", "OS-EXT-STS:vm_state": "active", "OS-EXT-SRV-ATTR:host": "host-0" });
    // Its fixed address on the project's default network.
    expect(JSON.stringify(shown.addresses)).toMatch(/default.*10\.\d+\.\d+\.2\b/);
  });

  it("hides the server from a member of another project, created with the CLI", async () => {
    const project = await ok<{ id: string }>(["project", "create", OUTSIDER.project]);
    await ok(["user", "create", "--password", OUTSIDER.password, OUTSIDER.user]);
    await quiet(["role", "add", "--project", OUTSIDER.project, "--user", OUTSIDER.user, "member"]);
    const user = await cloud.db.user.findUniqueOrThrow({ where: { username: OUTSIDER.user } });
    expect(await cloud.db.membership.findUnique({ where: { userId_projectId: { userId: user.id, projectId: project.id } } })).toMatchObject({ role: "member" });

    const [show, list] = await Promise.all([openstack(["server", "show", serverId], OUTSIDER), ok<unknown[]>(["server", "list"], OUTSIDER)]);
    expect(show.code).not.toBe(0);
    expect(show.stderr).toContain(`No server with a name or ID of '${serverId}' exists.`);
    expect(list).toEqual([]);
  });

  it("stops, starts and reboots it, and shows its console log", async () => {
    await quiet(["server", "stop", "cli-1"]);
    await until(serverId, "SHUTOFF");
    await quiet(["server", "start", "cli-1"]);
    await until(serverId, "ACTIVE");
    await quiet(["server", "reboot", "--wait", "cli-1"]);
    expect(await statusOf(serverId)).toBe("ACTIVE");
    const actions = await cloud.db.instanceAction.findMany({ where: { instanceId: serverId }, orderBy: { startedAt: "asc" } });
    expect(actions.map((a) => [a.action, a.result])).toEqual([["create", "success"], ["stop", "success"], ["start", "success"], ["reboot", "success"]]);

    const log = await quiet(["console", "log", "show", "--lines", "20", "cli-1"]);
    expect(log.stdout).toContain("BusyBox");
  });

  it("resizes with --wait to VERIFY_RESIZE and confirms; resizes back and reverts", async () => {
    await quiet(["server", "resize", "--flavor", "m1.small", "--wait", "cli-1"]);
    expect(await ok(["server", "show", "cli-1"])).toMatchObject({
      status: "VERIFY_RESIZE",
      "OS-EXT-STS:vm_state": "resized",
      "OS-EXT-STS:task_state": null,
      flavor: expect.stringContaining("m1.small"),
    });
    await quiet(["server", "resize", "confirm", "cli-1"]);
    await until(serverId, "ACTIVE");

    await quiet(["server", "resize", "--flavor", "m1.tiny", "--wait", "cli-1"]);
    expect(await cloud.db.instance.findUniqueOrThrow({ where: { id: serverId } })).toMatchObject({ flavorName: "m1.tiny", taskState: "resized" });
    await quiet(["server", "resize", "revert", "cli-1"]);
    await until(serverId, "ACTIVE");
    expect(await cloud.db.instance.findUniqueOrThrow({ where: { id: serverId } })).toMatchObject({ flavorName: "m1.small", ramMiB: 512 });
    const actions = await ok<{ Action: string }[]>(["server", "event", "list", "cli-1"]);
    expect(actions.map((a) => a.Action)).toEqual(expect.arrayContaining(["resize", "confirmResize", "revertResize"]));
  });

  it("shows absolute limits and the quota, sets the quota, and refuses an over-quota create with Nova's message", async () => {
    const [limits, hypervisors] = await Promise.all([
      ok<{ Name: string; Value: number }[]>(["limits", "show", "--absolute"]),
      ok<{ "Hypervisor Hostname": string; "Hypervisor Type": string; State: string }[]>(["hypervisor", "list"]),
    ]);
    expect(limits).toEqual(expect.arrayContaining([{ Name: "maxTotalInstances", Value: 10 }, { Name: "totalInstancesUsed", Value: 1 }, { Name: "totalCoresUsed", Value: 1 }]));
    expect(hypervisors).toEqual([expect.objectContaining({ "Hypervisor Hostname": "host-0", "Hypervisor Type": "docker", State: "up" })]);

    await quiet(["quota", "set", "--instances", "1", "--cores", "8", "demo"]);
    const quota = await ok<{ instances: number; cores: number; ram: number; project_name: string }>(["quota", "show", "demo"]);
    expect(quota).toMatchObject({ instances: 1, cores: 8, ram: 51200, project_name: "demo" });

    const refused = await openstack(["server", "create", "--image", "busybox", "--flavor", "m1.tiny", "cli-too-many"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Quota exceeded for instances: requested 1, used 1 of 1 (HTTP 403)");
    expect(await cloud.db.instance.count({ where: { name: "cli-too-many" } })).toBe(0);
    await quiet(["quota", "set", "--instances", "10", "--cores", "20", "demo"]);
  });

  it("creates a server group and places by its hint: anti-affinity refuses a second server on the only host", async () => {
    const group = await ok<{ id: string; name: string }>(["server", "group", "create", "--policy", "anti-affinity", "cli-spread"]);
    const create = (name: string) => ["server", "create", "--image", "cli-busybox", "--flavor", "m1.tiny", "--property", "berth:kind=machine", "--hint", `group=${group.id}`, "--wait", name];
    const first = await ok<{ id: string; status: string }>(create("cli-g1"));
    expect(first.status).toBe("ACTIVE");
    const shown = await ok<{ members: string | string[] }>(["server", "group", "show", "cli-spread"]);
    expect(JSON.stringify(shown.members)).toContain(first.id);

    // The CLI's --wait stops at ERROR (this version of it still exits 0); show says why.
    await openstack(create("cli-g2"));
    const failed = await ok<{ status: string; fault: unknown }>(["server", "show", "cli-g2"]);
    expect(failed.status).toBe("ERROR");
    expect(JSON.stringify(failed.fault)).toContain("already holds an instance of server group cli-spread (anti-affinity)");
    await quiet(["server", "delete", "--wait", "cli-g1", "cli-g2"]);
    await quiet(["server", "group", "delete", "cli-spread"]);
  });

  it("deletes the server and waits until it is gone; usage still counts it", async () => {
    await quiet(["server", "delete", "--wait", "cli-1"]);
    expect(await cloud.db.instance.findUniqueOrThrow({ where: { id: serverId } })).toMatchObject({ vmState: "deleted" });
    expect(await ok<unknown[]>(["server", "list"])).toEqual([]);
    const usage = await ok<{ Project: string; Servers: { name: string; state: string }[] }[]>(["usage", "list"]);
    expect(usage).toEqual([
      expect.objectContaining({ Project: cloud.projectId, Servers: expect.arrayContaining([expect.objectContaining({ name: "cli-1", state: "terminated" })]) }),
    ]);
  });
});
