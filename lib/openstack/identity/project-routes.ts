import "server-only";
import type { Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { isUuid } from "@/lib/identity/access";
import { deleteProject } from "@/lib/identity/delete-identity";
import { createProject, renameProject, setProjectEnabled } from "@/lib/identity/manage-identity";
import { auditActorOf, isAdmin, requirePermission, type IdentityContext } from "../access";
import { json, member, noContent, readJson, type ApiRequest } from "../http";
import { isDefaultDomainId } from "./domain";
import { requireCaller, type Caller } from "./tokens";
import { listBody, projectView } from "./views";

const notFound = (id: string) => new BerthError("NOT_FOUND", `Could not find project: ${id}.`);

/** A project the caller may see: any for admins, their own for everyone else (others are "not found"). */
async function visibleProject(db: Db, caller: Caller, id: string) {
  const project = isUuid(id) ? await db.project.findUnique({ where: { id } }) : null;
  const visible = project && (isAdmin(caller) || (await db.membership.count({ where: { userId: caller.user.id, projectId: project.id } })) > 0);
  if (!visible) throw notFound(id);
  return project;
}

async function projectOrThrow(db: Db, id: string) {
  const project = isUuid(id) ? await db.project.findUnique({ where: { id } }) : null;
  if (!project) throw notFound(id);
  return project;
}

const boolFilter = (value: string | null) => (value === null ? undefined : !["false", "0", "no"].includes(value.toLowerCase()));

/** Admins list every project; anyone else, like `--my-projects`, only their own. */
export async function list(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const name = api.query.get("name");
  const enabled = boolFilter(api.query.get("enabled"));
  if (!isDefaultDomainId(api.query.get("domain_id"))) return json(listBody("projects", [], api.origin, api.path));
  const projects = await db.project.findMany({
    where: {
      ...(name ? { name } : {}),
      ...(enabled === undefined ? {} : { enabled }),
      ...(isAdmin(me) ? {} : { memberships: { some: { userId: me.user.id } } }),
    },
    orderBy: { name: "asc" },
  });
  return json(listBody("projects", projects.map((p) => projectView(p, api.origin)), api.origin, api.path));
}

export async function show(api: ApiRequest, { db, caller }: IdentityContext) {
  const project = await visibleProject(db, requireCaller(caller), api.params.id);
  return json({ project: projectView(project, api.origin) });
}

export async function create(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "project:manage");
  const input = member(await readJson(api), "project");
  if (input.is_domain === true) throw new BerthError("INVALID_INPUT", "Berth has no domains besides Default.");
  if (!isDefaultDomainId(input.domain_id as string | undefined) || !isDefaultDomainId(input.parent_id as string | undefined)) {
    throw new BerthError("INVALID_INPUT", "Projects live in the Default domain, with no parent project.");
  }
  let project = await createProject(db, auditActorOf(me), { name: input.name as string, description: (input.description as string | undefined) ?? "" });
  if (input.enabled === false) project = await setProjectEnabled(db, auditActorOf(me), project.id, false);
  return json({ project: projectView(project, api.origin) }, 201);
}

/** Name and enabled can change; Berth keeps no other project attributes. */
export async function update(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "project:manage");
  const changes = member(await readJson(api), "project");
  let project = await projectOrThrow(db, api.params.id);
  const unsupported = Object.keys(changes).filter((k) => !["name", "enabled", "description"].includes(k));
  if (unsupported.length) throw new BerthError("INVALID_INPUT", `Berth cannot change ${unsupported.join(", ")} of a project.`);
  if (changes.description !== undefined && changes.description !== project.description) {
    throw new BerthError("INVALID_INPUT", "Berth cannot change a project's description yet.");
  }
  if (typeof changes.name === "string" && changes.name !== project.name) project = await renameProject(db, auditActorOf(me), project.id, changes.name);
  if (typeof changes.enabled === "boolean" && changes.enabled !== project.enabled) {
    project = await setProjectEnabled(db, auditActorOf(me), project.id, changes.enabled);
  }
  return json({ project: projectView(project, api.origin) });
}

export async function remove(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  requirePermission(me, "project:manage");
  await deleteProject(db, auditActorOf(me), (await projectOrThrow(db, api.params.id)).id);
  return noContent();
}
