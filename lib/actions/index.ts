import "server-only";
import { db } from "@/lib/db/client";
import { projectRole } from "@/lib/identity/access";
import { currentUser } from "@/lib/identity/request-user";
import { logger } from "@/lib/logger";
import { createActionClient } from "./action-client";

export type { ActionResult, ActionError } from "./action-client";

/** The action client every server action uses. */
export const { projectAction, adminAction } = createActionClient({
  currentUser,
  projectRole: (user, projectId) => projectRole(db(), user, projectId),
  onUnexpectedError: (error) => logger.error({ err: error }, "action failed unexpectedly"),
});
