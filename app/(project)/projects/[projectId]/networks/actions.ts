"use server";

import { z } from "zod";
import { refreshed } from "@/app/admin/refreshed";
import { projectAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { createNetwork, deleteNetwork } from "@/lib/networks/manage-networks";
import { createNetworkSchema, createServerGroupSchema, publishPortSchema } from "@/lib/networks/network-schema";
import { publishPort, unpublishPort } from "@/lib/networks/published-ports";
import { createServerGroup, deleteServerGroup } from "@/lib/networks/server-groups";

const networkId = z.uuid("not a network id");
const groupId = z.uuid("not a server group id");
const instanceId = z.uuid("not an instance id");
const portId = z.uuid("not a published port id");

export const createNetworkAction = projectAction({
  permission: "network:manage",
  schema: createNetworkSchema,
  run: ({ projectId }, input) => refreshed(createNetwork(db(), projectId, input), ({ id, name }) => ({ id, name })),
});

/** Refused for the default network and while instances use it; the refusal names them. */
export const deleteNetworkAction = projectAction({
  permission: "network:manage",
  schema: z.object({ networkId }),
  run: ({ projectId }, { networkId }) => refreshed(deleteNetwork(db(), projectId, networkId)),
});

export const createServerGroupAction = projectAction({
  permission: "network:manage",
  schema: createServerGroupSchema,
  run: ({ projectId }, input) => refreshed(createServerGroup(db(), projectId, input), ({ id, name }) => ({ id, name })),
});

/** Its instances stay where they are. */
export const deleteServerGroupAction = projectAction({
  permission: "network:manage",
  schema: z.object({ groupId }),
  run: ({ projectId }, { groupId }) => refreshed(deleteServerGroup(db(), projectId, groupId)),
});

/** Answers with where the port is reached, not which host holds it (that is for admins). */
export const publishPortAction = projectAction({
  permission: "port:publish",
  schema: publishPortSchema.extend({ instanceId }),
  run: ({ projectId }, { instanceId, ...port }) =>
    refreshed(publishPort(db(), projectId, instanceId, port), ({ url, hostPort, containerPort }) => ({ url, hostPort, containerPort })),
});

export const unpublishPortAction = projectAction({
  permission: "port:publish",
  schema: z.object({ portId }),
  run: ({ projectId }, { portId }) => refreshed(unpublishPort(db(), projectId, portId)),
});
