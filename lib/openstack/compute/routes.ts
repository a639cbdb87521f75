import "server-only";
import type { ComputeContext } from "../access";
import { Router } from "../router";
import * as flavors from "./flavors";
import * as hosts from "./hosts";
import * as actions from "./instance-actions";
import * as quotas from "./quotas";
import * as serverGroups from "./server-groups";
import { serverAction } from "./server-actions";
import * as servers from "./servers";
import * as usage from "./usage";

/** Nova v2.1, as much as Berth has (docs/openstack-api.md lists what is and is not served). */
export const computeRouter = new Router<ComputeContext>([
  ["GET", "/servers", servers.list],
  ["GET", "/servers/detail", servers.detail],
  ["POST", "/servers", servers.create],
  ["GET", "/servers/:id", servers.show],
  ["PUT", "/servers/:id", servers.update],
  ["DELETE", "/servers/:id", servers.remove],
  ["POST", "/servers/:id/action", serverAction],
  ["GET", "/servers/:id/os-instance-actions", actions.list],
  ["GET", "/servers/:id/os-instance-actions/:requestId", actions.show],

  ["GET", "/flavors", flavors.list],
  ["GET", "/flavors/detail", flavors.detail],
  ["POST", "/flavors", flavors.create],
  ["GET", "/flavors/:id", flavors.show],
  ["DELETE", "/flavors/:id", flavors.remove],
  ["GET", "/flavors/:id/os-extra_specs", flavors.extraSpecs],
  ["POST", "/flavors/:id/os-extra_specs", flavors.refuseSpecChange],
  ["GET", "/flavors/:id/os-extra_specs/:key", flavors.extraSpec],
  ["PUT", "/flavors/:id/os-extra_specs/:key", flavors.refuseSpecChange],
  ["DELETE", "/flavors/:id/os-extra_specs/:key", flavors.refuseSpecChange],
  ["GET", "/flavors/:id/os-flavor-access", flavors.access],
  ["POST", "/flavors/:id/action", flavors.flavorAction],

  ["GET", "/limits", quotas.limits],
  ["GET", "/os-quota-sets/:projectId", quotas.show],
  ["PUT", "/os-quota-sets/:projectId", quotas.update],
  ["GET", "/os-quota-sets/:projectId/detail", quotas.detail],
  ["GET", "/os-quota-sets/:projectId/defaults", quotas.defaults],
  ["GET", "/os-quota-class-sets/:className", quotas.showClass],
  ["PUT", "/os-quota-class-sets/:className", quotas.updateClass],

  ["GET", "/os-hypervisors", hosts.listHypervisors],
  ["GET", "/os-hypervisors/detail", hosts.detailHypervisors],
  ["GET", "/os-hypervisors/statistics", hosts.hypervisorStatistics],
  ["GET", "/os-hypervisors/:id", hosts.showHypervisor],
  ["GET", "/os-hypervisors/:pattern/search", hosts.searchHypervisors],
  ["GET", "/os-hypervisors/:pattern/servers", hosts.hypervisorServers],
  ["GET", "/os-services", hosts.listServices],
  ["PUT", "/os-services/:id", hosts.updateService],
  ["GET", "/os-availability-zone", hosts.listZones],
  ["GET", "/os-availability-zone/detail", hosts.detailZones],

  ["GET", "/os-server-groups", serverGroups.list],
  ["POST", "/os-server-groups", serverGroups.create],
  ["GET", "/os-server-groups/:id", serverGroups.show],
  ["DELETE", "/os-server-groups/:id", serverGroups.remove],
  ["GET", "/os-simple-tenant-usage", usage.listUsage],
  ["GET", "/os-simple-tenant-usage/:projectId", usage.showUsage],
]);
