import "server-only";
import { randomUUID } from "node:crypto";
import { db as appDb, type Db } from "@/lib/db/client";
import { BerthError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { isScoped } from "./access";
import { computeVersion, computeVersions, identityVersion, identityVersions, imageVersions, MOUNTS, type ServiceName } from "./catalog";
import { negotiate, versionHeaders } from "./compute/microversion";
import { computeRouter } from "./compute/routes";
import { fault, faultOf, TokenRequired, unauthorized, type FaultStyle } from "./faults";
import { faultResponse, json, originOf, type ApiRequest } from "./http";
import { identityRouter } from "./identity/routes";
import { requireCaller, resolveToken } from "./identity/tokens";
import { imageRouter } from "./image/routes";
import type { Router } from "./router";

/**
 * The OpenStack API's one entry point: Keystone under /identity, Nova under /compute, Glance under
 * /image. Next's route handlers and the tests' plain HTTP server both hand requests here.
 */
export async function handleOpenStack(service: ServiceName, request: Request, db: Db = appDb()): Promise<Response> {
  const requestId = `req-${randomUUID()}`;
  const url = new URL(request.url);
  const api: ApiRequest = {
    request,
    method: request.method.toUpperCase(),
    path: url.pathname.slice(MOUNTS[service].length).replace(/\/+$/, ""),
    params: {},
    query: url.searchParams,
    origin: originOf(request),
    requestId,
  };
  const headers: Record<string, string> = { "x-openstack-request-id": requestId };
  const style: FaultStyle = service === "identity" ? "keystone" : "nova";
  let response: Response;
  try {
    response = await SERVICES[service](api, db, headers);
  } catch (error) {
    if (error instanceof TokenRequired) {
      response = faultResponse(unauthorized(`${api.origin}${MOUNTS.identity}/v3`, error.message));
    } else {
      if (!(error instanceof BerthError)) logger.error({ err: error, method: api.method, path: url.pathname }, "OpenStack API request failed");
      response = faultResponse(faultOf(error, style));
    }
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return api.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

type ServiceHandler = (api: ApiRequest, db: Db, headers: Record<string, string>) => Promise<Response>;

const SERVICES: Record<ServiceName, ServiceHandler> = {
  identity: async (api, db) => {
    if (api.path === "") return json(identityVersions(api.origin), 300);
    if (api.path === "/v3") return json(identityVersion(api.origin));
    if (!api.path.startsWith("/v3/")) return notFound("keystone");
    const caller = await resolveToken(db, api.request.headers.get("x-auth-token"));
    return dispatch(identityRouter, { ...api, path: api.path.slice(3) }, { db, caller }, "keystone");
  },

  compute: async (api, db, headers) => {
    if (api.path === "") return json(computeVersions(api.origin));
    if (api.path === "/v2.1") return json(computeVersion(api.origin));
    if (!api.path.startsWith("/v2.1/")) return notFound("nova");
    const negotiated = negotiate(api.request.headers);
    if (!negotiated.ok) return faultResponse(fault("nova", negotiated.status, negotiated.message));
    Object.assign(headers, versionHeaders(negotiated.version), { "x-compute-request-id": api.requestId });
    const caller = await scopedCaller(api, db);
    return dispatch(computeRouter, { ...api, path: api.path.slice(5) }, { db, caller, version: negotiated.version }, "nova");
  },

  image: async (api, db) => {
    if (api.path === "" || api.path === "/v2" || api.path === "/versions") return json(imageVersions(api.origin), 300);
    if (!api.path.startsWith("/v2/")) return notFound("nova");
    const caller = await scopedCaller(api, db);
    return dispatch(imageRouter, { ...api, path: api.path.slice(3) }, { db, caller }, "nova");
  },
};

/** Nova and Glance need a live token scoped to a project; keystonemiddleware's 401 otherwise. */
async function scopedCaller(api: ApiRequest, db: Db) {
  const caller = requireCaller(await resolveToken(db, api.request.headers.get("x-auth-token")));
  if (!isScoped(caller)) throw new BerthError("FORBIDDEN", "This call needs a token scoped to a project.");
  return caller;
}

async function dispatch<C>(router: Router<C>, api: ApiRequest, context: C, style: FaultStyle): Promise<Response> {
  const found = router.match(api.method, api.path);
  if (!found) return notFound(style);
  if ("allowed" in found) {
    return faultResponse({ ...fault(style, 405, `The method ${api.method} is not allowed for this resource.`), headers: { Allow: found.allowed.join(", ") } });
  }
  return found.handler({ ...api, params: found.params }, context);
}

function notFound(style: FaultStyle): Response {
  return faultResponse(fault(style, 404, "The resource could not be found."));
}
