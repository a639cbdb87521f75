// The OpenStack API's rules, called in-process (no CLI): tokens and their end, application
// credentials, microversions, error bodies, paging, role grants, image sharing. Background
// services are off: launched servers stay in BUILD, which is all these checks need.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, createUser, setMembership, setProjectEnabled, setUserEnabled } from "@/lib/identity/manage-identity";
import type { ServiceName } from "@/lib/openstack/catalog";
import { handleOpenStack } from "@/lib/openstack/handler";
import { startCloud, type Cloud } from "../support/cloud";

let cloud: Cloud;
const actor = () => ({ id: cloud.userId, username: "admin" });
const HOST = "cloud.example:8774";

type Call = { token?: string; body?: unknown; headers?: Record<string, string> };

async function call(method: string, url: string, { token, body, headers = {} }: Call = {}) {
  const service = url.split("/")[1] as ServiceName;
  const response = await handleOpenStack(
    service,
    new Request(`http://127.0.0.1${url}`, {
      method,
      headers: { host: HOST, ...(token ? { "x-auth-token": token } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    cloud.db,
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const passwordAuth = (user: string, password: string, scope: unknown = { project: { name: "demo", domain: { name: "Default" } } }) => ({
  auth: { identity: { methods: ["password"], password: { user: { name: user, domain: { id: "default" }, password } } }, ...(scope ? { scope } : {}) },
});

async function login(user = "admin", password = "admin-password", scope?: unknown) {
  const response = await call("POST", "/identity/v3/auth/tokens", { body: passwordAuth(user, password, scope) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { token: response.headers.get("x-subject-token")!, body: response.body.token };
}

/** A user who is `role` in a new project of their own. */
async function tenant(name: string, role: "member" | "reader" = "member") {
  const project = await createProject(cloud.db, actor(), { name });
  const user = await createUser(cloud.db, actor(), { username: `${name}-user`, password: `${name}-password` });
  await setMembership(cloud.db, actor(), { userId: user.id, projectId: project.id, role });
  const { token } = await login(user.username, `${name}-password`, { project: { id: project.id } });
  return { project, user, token };
}

const launch = (token: string, name: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/compute/v2.1/servers", { token, body: { server: { name, imageRef: cloud.imageId("busybox"), flavorRef: cloud.flavorId("m1.nano"), ...extra } } });

beforeAll(async () => {
  cloud = await startCloud({ hosts: 1, services: false });
});
afterAll(() => cloud?.stop());

describe("discovery", () => {
  it("answers each root with its versions, linked through the host the client used", async () => {
    const identity = await call("GET", "/identity");
    expect(identity.status).toBe(300);
    expect(identity.body.versions.values[0]).toMatchObject({ id: "v3.14", status: "stable", links: [{ rel: "self", href: `http://${HOST}/identity/v3/` }] });
    const compute = await call("GET", "/compute");
    expect(compute.body.versions).toEqual([expect.objectContaining({ id: "v2.1", min_version: "2.1", version: "2.79", status: "CURRENT" })]);
    expect((await call("GET", "/image")).body.versions[0]).toMatchObject({ status: "CURRENT", links: [{ rel: "self", href: `http://${HOST}/image/v2/` }] });
  });

  it("puts the client's host in the token's catalogue", async () => {
    const { body } = await login();
    const urls = Object.fromEntries(body.catalog.map((s: { type: string; endpoints: { interface: string; url: string }[] }) => [s.type, s.endpoints.find((e) => e.interface === "public")!.url]));
    expect(urls).toEqual({ identity: `http://${HOST}/identity/v3`, compute: `http://${HOST}/compute/v2.1`, image: `http://${HOST}/image` });
    expect(body.roles.map((r: { name: string }) => r.name).sort()).toEqual(["admin", "member", "reader"]);
  });
});

describe("microversions", () => {
  it("negotiates within 2.1–2.79, echoes the version and refuses others as Nova does", async () => {
    const { token } = await login();
    const plain = await call("GET", "/compute/v2.1/servers", { token });
    expect(plain.headers.get("openstack-api-version")).toBe("compute 2.1");
    const latest = await call("GET", "/compute/v2.1/servers", { token, headers: { "OpenStack-API-Version": "compute latest" } });
    expect(latest.headers.get("x-openstack-nova-api-version")).toBe("2.79");
    const legacy = await call("GET", "/compute/v2.1/servers", { token, headers: { "X-OpenStack-Nova-API-Version": "2.47" } });
    expect(legacy.headers.get("openstack-api-version")).toBe("compute 2.47");
    const tooNew = await call("GET", "/compute/v2.1/servers", { token, headers: { "OpenStack-API-Version": "compute 2.80" } });
    expect(tooNew).toMatchObject({ status: 406, body: { computeFault: { code: 406, message: "Version 2.80 is not supported by the API. Minimum is 2.1 and maximum is 2.79." } } });
    expect((await call("GET", "/compute/v2.1/servers", { token, headers: { "OpenStack-API-Version": "compute two" } })).status).toBe(400);
  });
});

describe("tokens", () => {
  it("refuse a wrong password and calls without a token, the way keystonemiddleware does", async () => {
    const wrong = await call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("admin", "not-the-password") });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 401, title: "Unauthorized" } } });
    const anonymous = await call("GET", "/compute/v2.1/servers");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe(`Keystone uri="http://${HOST}/identity/v3"`);
  });

  it("stop working when revoked or expired, and while their user or project is disabled or the membership gone", async () => {
    const t = await tenant("tok");
    const servers = () => call("GET", "/compute/v2.1/servers", { token: t.token }).then((r) => r.status);
    expect(await servers()).toBe(200);
    const checked = await call("GET", "/identity/v3/auth/tokens", { token: t.token, headers: { "X-Subject-Token": t.token } });
    expect(checked.body.token.project).toMatchObject({ id: t.project.id, name: "tok" });

    await setProjectEnabled(cloud.db, actor(), t.project.id, false);
    expect(await servers()).toBe(401);
    await setProjectEnabled(cloud.db, actor(), t.project.id, true);
    expect(await servers()).toBe(200);
    await setMembership(cloud.db, actor(), { userId: t.user.id, projectId: t.project.id, role: null });
    expect(await servers()).toBe(401);
    await setMembership(cloud.db, actor(), { userId: t.user.id, projectId: t.project.id, role: "member" });
    expect(await servers()).toBe(200);

    // Disabling a user revokes their tokens for good, as Keystone does: enabling them again
    // does not bring old tokens back.
    await setUserEnabled(cloud.db, actor(), t.user.id, false);
    expect(await servers()).toBe(401);
    await setUserEnabled(cloud.db, actor(), t.user.id, true);
    expect(await servers()).toBe(401);

    const fresh = await login("tok-user", "tok-password", { project: { id: t.project.id } });
    const other = await login("tok-user", "tok-password", { project: { id: t.project.id } });
    expect((await call("GET", "/compute/v2.1/servers", { token: fresh.token })).status).toBe(200);
    expect((await call("DELETE", "/identity/v3/auth/tokens", { token: other.token, headers: { "X-Subject-Token": fresh.token } })).status).toBe(204);
    expect((await call("GET", "/compute/v2.1/servers", { token: fresh.token })).status).toBe(401);
    await cloud.db.apiToken.updateMany({ where: { userId: t.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("GET", "/compute/v2.1/servers", { token: other.token })).status).toBe(401);
  });

  it("are never issued for a project the user is not in, and say the same for one that does not exist", async () => {
    await tenant("lone");
    const theirs = await call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("lone-user", "lone-password") });
    const missing = await call("POST", "/identity/v3/auth/tokens", { body: passwordAuth("lone-user", "lone-password", { project: { name: "nowhere", domain: { name: "Default" } } }) });
    expect(theirs.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(theirs.body.error.message).toBe("User lone-user has no access to project demo.");
    expect(missing.body.error.message).toBe("User lone-user has no access to project nowhere.");
  });
});

describe("application credentials", () => {
  it("authenticate scripts with at most the role asked for, stored hashed, and end with their tokens when deleted", async () => {
    const t = await tenant("app");
    const created = await call("POST", `/identity/v3/users/${t.user.id}/application_credentials`, {
      token: t.token,
      body: { application_credential: { name: "ci", roles: [{ name: "reader" }] } },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body.application_credential;
    expect(created.body.application_credential.roles.map((r: { name: string }) => r.name)).toEqual(["reader"]);
    const stored = await cloud.db.applicationCredential.findUniqueOrThrow({ where: { id } });
    expect(stored.secretHash).not.toContain(secret);

    const auth = await call("POST", "/identity/v3/auth/tokens", { body: { auth: { identity: { methods: ["application_credential"], application_credential: { id, secret } } } } });
    expect(auth.status).toBe(201);
    expect(auth.body.token.roles).toEqual([{ id: "reader", name: "reader" }]);
    const token = auth.headers.get("x-subject-token")!;
    expect((await call("GET", "/compute/v2.1/servers", { token })).status).toBe(200);
    const refused = await launch(token, "by-reader");
    expect(refused).toMatchObject({ status: 403, body: { forbidden: { code: 403, message: "Your role (reader) does not allow instance:launch." } } });

    const wrongSecret = await call("POST", "/identity/v3/auth/tokens", { body: { auth: { identity: { methods: ["application_credential"], application_credential: { id, secret: "nope-nope-nope-nope" } } } } });
    expect(wrongSecret.status).toBe(401);
    expect((await call("DELETE", `/identity/v3/users/${t.user.id}/application_credentials/${id}`, { token: t.token })).status).toBe(204);
    expect((await call("GET", "/compute/v2.1/servers", { token })).status).toBe(401);
  });
});

describe("compute", () => {
  it("answers with Nova's fault bodies: itemNotFound, badRequest, overLimit, conflictingRequest", async () => {
    const { token } = await login();
    const missing = await call("GET", "/compute/v2.1/servers/0b9a0a43-8d7e-4a43-9d0e-5c0d3b8f2f36", { token });
    expect(missing).toMatchObject({ status: 404, body: { itemNotFound: { code: 404 } } });
    const badName = await launch(token, "not a name!");
    expect(badName).toMatchObject({ status: 400, body: { badRequest: { code: 400 } } });
    expect(badName.body.badRequest.message).toContain("name");

    const t = await tenant("quota");
    await cloud.db.quota.create({ data: { projectId: t.project.id, resource: "instances", limit: 1 } });
    expect((await launch(t.token, "first")).status).toBe(202);
    const over = await launch(t.token, "second");
    expect(over).toMatchObject({ status: 403, body: { overLimit: { code: 403, message: "Quota exceeded for instances: requested 1, used 1 of 1" } } });

    const duplicate = await call("POST", "/compute/v2.1/flavors", { token, body: { flavor: { name: "m1.tiny", ram: 128, vcpus: 1, disk: 1 } } });
    expect(duplicate).toMatchObject({ status: 409, body: { conflictingRequest: { code: 409, message: "A flavor named m1.tiny already exists." } } });
    const notAdmin = await call("POST", "/compute/v2.1/flavors", { token: t.token, body: { flavor: { name: "m1.mine", ram: 128, vcpus: 1, disk: 1 } } });
    expect(notAdmin.status).toBe(403);
  });

  it("creates several servers at once (min/max count), pages them by marker and filters by status", async () => {
    const t = await tenant("paging");
    const created = await launch(t.token, "web", { min_count: 3, max_count: 3, metadata: { role: "web" } });
    expect(created.status).toBe(202);
    expect(created.headers.get("location")).toBe(`http://${HOST}/compute/v2.1/servers/${created.body.server.id}`);

    const first = await call("GET", "/compute/v2.1/servers/detail?limit=2&sort_key=display_name&sort_dir=asc", { token: t.token });
    expect(first.body.servers.map((s: { name: string }) => s.name)).toEqual(["web-1", "web-2"]);
    expect(first.body.servers[0]).toMatchObject({ status: "BUILD", metadata: { role: "web" }, tenant_id: t.project.id, "OS-EXT-STS:power_state": 0 });
    expect(first.body.servers[0]).not.toHaveProperty("OS-EXT-SRV-ATTR:host");
    const next = new URL(first.body.servers_links[0].href);
    expect(next.host).toBe(HOST);
    const second = await call("GET", `${next.pathname}${next.search}`, { token: t.token });
    expect(second.body.servers.map((s: { name: string }) => s.name)).toEqual(["web-3"]);
    expect(second.body.servers_links).toBeUndefined();

    const building = await call("GET", "/compute/v2.1/servers?status=BUILD", { token: t.token });
    expect(building.body.servers).toHaveLength(3);
    expect((await call("GET", "/compute/v2.1/servers?status=ACTIVE", { token: t.token })).body.servers).toEqual([]);
    const bogus = await call("GET", "/compute/v2.1/servers?status=SLEEPY", { token: t.token, headers: { "OpenStack-API-Version": "compute 2.38" } });
    expect(bogus.status).toBe(400);

    const show = await call("GET", `/compute/v2.1/servers/${created.body.server.id}`, { token: t.token, headers: { "OpenStack-API-Version": "compute 2.79" } });
    expect(show.body.server).toMatchObject({ locked: false, locked_reason: null, tags: [], server_groups: [], flavor: { original_name: "m1.nano", vcpus: 1, ram: 64 } });
  });
});

describe("identity administration", () => {
  it("grants roles as Berth holds them: one per project, admin cloud-wide", async () => {
    const { token } = await login();
    const t = await tenant("grants", "reader");
    const grant = (role: string, method = "PUT") => call(method, `/identity/v3/projects/${t.project.id}/users/${t.user.id}/roles/${role}`, { token });
    const held = async () => (await cloud.db.membership.findUnique({ where: { userId_projectId: { userId: t.user.id, projectId: t.project.id } } }))?.role ?? null;
    expect((await grant("member")).status).toBe(204);
    expect(await held()).toBe("member");
    expect((await grant("reader")).status).toBe(204);
    expect(await held()).toBe("member");
    expect((await grant("admin")).status).toBe(400);
    expect((await grant("reader", "DELETE")).status).toBe(404);
    expect((await grant("member", "DELETE")).status).toBe(204);
    expect(await held()).toBeNull();
    const member = await tenant("granter");
    const byMember = await call("PUT", `/identity/v3/projects/${t.project.id}/users/${t.user.id}/roles/member`, { token: member.token });
    expect(byMember).toMatchObject({ status: 403, body: { error: { code: 403, message: "Your role (member) does not allow user:manage." } } });
  });

  it("deletes only projects that never ran anything, and users other than oneself", async () => {
    const { token, body } = await login();
    const used = await tenant("used");
    expect((await launch(used.token, "one")).status).toBe(202);
    const refused = await call("DELETE", `/identity/v3/projects/${used.project.id}`, { token });
    expect(refused).toMatchObject({ status: 409, body: { error: { message: "Project used still has 1 instance: delete them first." } } });
    const empty = await createProject(cloud.db, actor(), { name: "empty" });
    expect((await call("DELETE", `/identity/v3/projects/${empty.id}`, { token })).status).toBe(204);
    expect((await call("DELETE", `/identity/v3/users/${body.user.id}`, { token })).status).toBe(409);
    expect((await call("DELETE", `/identity/v3/users/${used.user.id}`, { token })).status).toBe(204);
    expect(await cloud.db.instance.count({ where: { projectId: used.project.id } })).toBe(1);
  });
});

describe("images", () => {
  it("shares a shared image with another project, which then sees it", async () => {
    const owner = await tenant("owner");
    const other = await tenant("taker");
    const created = await call("POST", "/image/v2/images", { token: owner.token, body: { name: "shared-one", container_format: "docker", disk_format: "raw", kind: "machine" } });
    expect(created.body).toMatchObject({ status: "queued", owner: owner.project.id, container_format: "docker", kind: "machine" });
    const id = created.body.id;
    const share = () => call("POST", `/image/v2/images/${id}/members`, { token: owner.token, body: { member: other.project.id } });
    expect((await share()).status).toBe(403);
    const patched = await call("PATCH", `/image/v2/images/${id}`, {
      token: owner.token,
      body: [{ op: "replace", path: "/visibility", value: "shared" }],
      headers: { "content-type": "application/openstack-images-v2.1-json-patch" },
    });
    expect(patched.body.visibility).toBe("shared");
    const visible = async () => (await call("GET", "/image/v2/images?name=shared-one", { token: other.token })).body.images.length;
    expect(await visible()).toBe(0);
    expect((await share()).body).toMatchObject({ member_id: other.project.id, status: "accepted" });
    expect(await visible()).toBe(1);
    const refusedPatch = await call("PATCH", `/image/v2/images/${id}`, { token: other.token, body: [{ op: "replace", path: "/name", value: "mine" }] });
    expect(refusedPatch.status).toBe(404);
    expect((await call("DELETE", `/image/v2/images/${id}/members/${other.project.id}`, { token: owner.token })).status).toBe(204);
    expect(await visible()).toBe(0);
    const needsDocker = await call("POST", "/image/v2/images", { token: owner.token, body: { name: "bare-one", container_format: "bare" } });
    expect(needsDocker.status).toBe(400);
  });
});
