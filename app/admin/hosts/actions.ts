"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { heartbeatAll } from "@/lib/hosts/heartbeat";

/** Probes every host now instead of waiting for the next heartbeat, then redraws the page. */
export const checkHostsAction = adminAction({
  permission: "host:manage",
  schema: z.object({}),
  run: async () => {
    const hosts = await heartbeatAll(db());
    refresh();
    return { up: hosts.filter((host) => host.status === "up").length, total: hosts.length };
  },
});
