import "server-only";
import type { IdentityContext } from "../access";
import { catalogEndpoints, catalogServices } from "../catalog";
import { json, type ApiRequest } from "../http";
import { Router } from "../router";
import * as credentials from "./application-credentials";
import * as projects from "./project-routes";
import * as roles from "./role-routes";
import * as tokens from "./token-routes";
import { requireCaller } from "./tokens";
import * as users from "./user-routes";
import { listBody } from "./views";

async function services(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json(listBody("services", catalogServices(api.origin), api.origin, api.path));
}

async function endpoints(api: ApiRequest, { caller }: IdentityContext) {
  requireCaller(caller);
  return json(listBody("endpoints", catalogEndpoints(api.origin), api.origin, api.path));
}

/** Keystone v3, as much as Berth has: tokens, projects, users, roles, application credentials, the catalogue. */
export const identityRouter = new Router<IdentityContext>([
  ["POST", "/auth/tokens", tokens.issue],
  ["GET", "/auth/tokens", tokens.validate],
  ["DELETE", "/auth/tokens", tokens.revoke],
  ["GET", "/auth/projects", tokens.myProjects],
  ["GET", "/auth/domains", tokens.myDomains],
  ["GET", "/auth/system", tokens.mySystem],
  ["GET", "/auth/catalog", tokens.myCatalog],
  ["GET", "/domains", tokens.listDomains],
  ["GET", "/domains/:id", tokens.showDomain],
  ["GET", "/services", services],
  ["GET", "/endpoints", endpoints],

  ["GET", "/projects", projects.list],
  ["POST", "/projects", projects.create],
  ["GET", "/projects/:id", projects.show],
  ["PATCH", "/projects/:id", projects.update],
  ["DELETE", "/projects/:id", projects.remove],

  ["GET", "/users", users.list],
  ["POST", "/users", users.create],
  ["GET", "/users/:id", users.show],
  ["PATCH", "/users/:id", users.update],
  ["DELETE", "/users/:id", users.remove],
  ["POST", "/users/:id/password", users.changePassword],
  ["GET", "/users/:id/projects", users.projectsOfUser],

  ["GET", "/users/:userId/application_credentials", credentials.list],
  ["POST", "/users/:userId/application_credentials", credentials.create],
  ["GET", "/users/:userId/application_credentials/:id", credentials.show],
  ["DELETE", "/users/:userId/application_credentials/:id", credentials.remove],

  ["GET", "/roles", roles.list],
  ["GET", "/roles/:id", roles.show],
  ["GET", "/projects/:projectId/users/:userId/roles", roles.listGrants],
  ["GET", "/projects/:projectId/users/:userId/roles/:roleId", roles.checkGrant],
  ["PUT", "/projects/:projectId/users/:userId/roles/:roleId", roles.grant],
  ["DELETE", "/projects/:projectId/users/:userId/roles/:roleId", roles.revokeGrant],
  ["GET", "/role_assignments", roles.listAssignments],
]);
