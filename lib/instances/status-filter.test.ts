import { describe, expect, it } from "vitest";
import { PowerState, VmState } from "@/lib/db/generated/enums";
import { TASK_OF } from "./request-action";
import { instanceStatus, RESIZED } from "./status";
import { LISTED_STATUSES, statusWhere } from "./status-filter";

type Row = Record<string, string | null>;

/** Evaluates the part of Prisma's filter language `statusWhere` uses, the way Postgres would. */
function matches(row: Row, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === "OR") return (condition as Record<string, unknown>[]).some((c) => matches(row, c));
    const value = row[key];
    if (condition === null || typeof condition === "string") return value === condition;
    const { in: within, notIn, not } = condition as { in?: string[]; notIn?: string[]; not?: string };
    // SQL: a comparison with NULL is never true.
    if (value === null) return false;
    if (within) return within.includes(value);
    if (notIn) return !notIn.includes(value);
    return value !== not;
  });
}

const TASKS = [null, "scheduling", "spawning", "rebooting", "migrating", RESIZED, ...Object.values(TASK_OF)];

describe("statusWhere", () => {
  it("selects exactly the rows instanceStatus gives that status, for every combination of states", () => {
    for (const vmState of Object.values(VmState)) {
      for (const powerState of Object.values(PowerState)) {
        for (const taskState of TASKS) {
          const row = { vmState, powerState, taskState };
          const selectedBy = LISTED_STATUSES.filter((status) => matches(row, statusWhere(status) as Record<string, unknown>));
          const status = instanceStatus(row);
          expect(selectedBy, JSON.stringify(row)).toEqual(status === "DELETED" ? [] : [status]);
        }
      }
    }
  });
});
