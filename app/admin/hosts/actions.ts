"use server";

import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { heartbeatAll } from "@/lib/hosts/heartbeat";
import { hostEndpointSchema, registerHostSchema, updateHostSchema } from "@/lib/hosts/host-schema";
import { addHost, evacuateHost, removeHost, setHostEnabled, updateHost } from "@/lib/hosts/manage-hosts";
import { testConnection } from "@/lib/hosts/test-connection";
import { auditActor } from "../audit-actor";
import { refreshed } from "../refreshed";

const hostId = z.uuid("not a host id");

/** Probes every host now instead of waiting for the next heartbeat, then redraws the page. */
export const checkHostsAction = adminAction({
  permission: "host:manage",
  schema: z.object({}),
  run: () => refreshed(heartbeatAll(db()), (hosts) => ({ up: hosts.filter((host) => host.status === "up").length, total: hosts.length })),
});

/** Probes an engine without saving anything. */
export const testConnectionAction = adminAction({
  permission: "host:manage",
  schema: hostEndpointSchema,
  run: (_ctx, input) => testConnection(input),
});

export const addHostAction = adminAction({
  permission: "host:manage",
  schema: registerHostSchema,
  run: async (ctx, input) => {
    const host = await addHost(db(), auditActor(ctx), input);
    return { id: host.id, name: host.name };
  },
});

export const updateHostAction = adminAction({
  permission: "host:manage",
  schema: updateHostSchema.extend({ hostId }),
  run: (ctx, { hostId, ...changes }) => refreshed(updateHost(db(), auditActor(ctx), hostId, changes)),
});

export const setHostEnabledAction = adminAction({
  permission: "host:manage",
  schema: z.object({ hostId, enabled: z.boolean(), reason: z.string().max(255, "at most 255 characters").optional() }),
  run: (ctx, { hostId, enabled, reason }) => refreshed(setHostEnabled(db(), auditActor(ctx), hostId, enabled, reason)),
});

/** Per-instance results, so the page can say which instances were sent elsewhere and which were not. */
export const evacuateHostAction = adminAction({
  permission: "instance:evacuate",
  schema: z.object({ hostId }),
  run: (ctx, { hostId }) => refreshed(evacuateHost(db(), auditActor(ctx), hostId), (results) => results),
});

export const removeHostAction = adminAction({
  permission: "host:manage",
  schema: z.object({ hostId }),
  run: (ctx, { hostId }) => removeHost(db(), auditActor(ctx), hostId),
});
