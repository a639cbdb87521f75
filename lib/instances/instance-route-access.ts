import "server-only";
import { currentSessionToken } from "@/lib/identity/request-user";
import type { Permission } from "@/lib/identity/permissions";
import { authorizeSession, errorResponse, type InstanceAccess, type InstanceTarget } from "./instance-access";

export type InstanceRouteAccess = InstanceAccess & { target: Required<InstanceTarget>; token: string | undefined };
type RouteContext = { params: Promise<{ projectId: string; instanceId: string }> };

/**
 * A route handler under /api/projects/[projectId]/instances/[instanceId]: the request's session
 * must hold `permission` on the instance (else 401/404/403, as `authorizeInstance` decides), and
 * a Berth error anywhere becomes its JSON answer. The session token comes along, for streams that
 * check access again as they run.
 */
export function instanceRoute(permission: Permission, handle: (access: InstanceRouteAccess, request: Request) => Promise<Response>) {
  return async (request: Request, { params }: RouteContext): Promise<Response> => {
    try {
      const target = await params;
      const token = await currentSessionToken();
      return await handle({ ...(await authorizeSession(token, target, permission)), target, token }, request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
