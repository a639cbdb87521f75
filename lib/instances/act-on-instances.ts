import "server-only";
import { z } from "zod";
import { isBerthError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

export const instanceIdsSchema = z.object({
  instanceIds: z.array(z.uuid("not an instance id")).min(1, "choose at least one instance").max(100, "at most 100 instances at once"),
});

export type InstanceOutcome = { id: string; ok: true } | { id: string; ok: false; code: ErrorCode; message: string };

/**
 * Runs one action on each instance and reports each one's outcome, so a bulk request says which
 * instances refused and why instead of failing as a whole.
 */
export async function actOnInstances(instanceIds: string[], act: (instanceId: string) => Promise<unknown>): Promise<InstanceOutcome[]> {
  return Promise.all(
    [...new Set(instanceIds)].map(async (id): Promise<InstanceOutcome> => {
      try {
        await act(id);
        return { id, ok: true };
      } catch (error) {
        if (isBerthError(error)) return { id, ok: false, code: error.code, message: error.message };
        logger.error({ err: error, instanceId: id }, "instance action failed unexpectedly");
        return { id, ok: false, code: "INTERNAL", message: "Something went wrong on the server; it has been logged." };
      }
    }),
  );
}
