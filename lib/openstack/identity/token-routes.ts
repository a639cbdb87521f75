import "server-only";
import { BerthError } from "@/lib/errors";
import { projectsOf } from "@/lib/identity/access";
import type { IdentityContext } from "../access";
import { serviceCatalog } from "../catalog";
import { TokenRequired } from "../faults";
import { json, noContent, readJson, type ApiRequest } from "../http";
import { grantFor } from "./authenticate";
import { DEFAULT_DOMAIN, domainRef } from "./domain";
import { issueToken, requireCaller, resolveToken, revokeToken } from "./tokens";
import { listBody, projectView, tokenBody } from "./views";

/** POST /v3/auth/tokens: authenticate and issue; the secret travels in X-Subject-Token. */
export async function issue(api: ApiRequest, { db }: IdentityContext) {
  const grant = await grantFor(db, await readJson(api), api.request.headers.get("x-auth-token"));
  const { token } = await issueToken(db, grant);
  const caller = await resolveToken(db, token);
  if (!caller) throw new TokenRequired();
  return json(tokenBody(caller, api.origin), 201, { "X-Subject-Token": token });
}

function subjectToken(api: ApiRequest): string {
  const token = api.request.headers.get("x-subject-token");
  if (!token) throw new BerthError("INVALID_INPUT", "Give the token to check in X-Subject-Token.");
  return token;
}

/** GET/HEAD /v3/auth/tokens: a user may check their own tokens; an admin anyone's. */
export async function validate(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const token = subjectToken(api);
  const subject = await resolveToken(db, token);
  if (!subject || (subject.user.id !== me.user.id && !me.user.isAdmin)) throw new BerthError("NOT_FOUND", "Could not find token.");
  return json(tokenBody(subject, api.origin), 200, { "X-Subject-Token": token });
}

export async function revoke(api: ApiRequest, { db, caller }: IdentityContext) {
  if (!(await revokeToken(db, requireCaller(caller), subjectToken(api)))) throw new BerthError("NOT_FOUND", "Could not find token.");
  return noContent();
}

/** The projects the token's user can scope to (what `openstack project list --my-projects` shows). */
export async function myProjects(api: ApiRequest, { db, caller }: IdentityContext) {
  const me = requireCaller(caller);
  const mine = await projectsOf(db, me.user);
  const projects = await db.project.findMany({ where: { id: { in: mine.filter((p) => p.enabled).map((p) => p.id) } }, orderBy: { name: "asc" } });
  return json(listBody("projects", projects.map((p) => projectView(p, api.origin)), api.origin, api.path));
}

export async function myDomains(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json(listBody("domains", [domainRef(api.origin)], api.origin, api.path));
}

export async function myCatalog(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json({ catalog: serviceCatalog(api.origin), links: { self: `${api.origin}/identity/v3${api.path}` } });
}

export async function mySystem(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json(listBody("system", [], api.origin, api.path));
}

export async function listDomains(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  const name = api.query.get("name");
  const domains = !name || name.toLowerCase() === DEFAULT_DOMAIN.name.toLowerCase() ? [domainRef(api.origin)] : [];
  return json(listBody("domains", domains, api.origin, api.path));
}

export async function showDomain(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  if (api.params.id !== DEFAULT_DOMAIN.id) throw new BerthError("NOT_FOUND", `Could not find domain: ${api.params.id}.`);
  return json({ domain: domainRef(api.origin) });
}
