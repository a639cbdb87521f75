import "server-only";
import type { ServiceName } from "./catalog";
import { handleOpenStack } from "./handler";

/** The HTTP methods of one service's Next route handler, all handing the request to the OpenStack API. */
export function openstackRoute(service: ServiceName) {
  const handle = (request: Request) => handleOpenStack(service, request);
  return { GET: handle, HEAD: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle };
}
