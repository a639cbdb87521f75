import { z } from "zod";
import { FIRST_PAGE_LINES, MAX_DEPTH_LINES, MAX_PAGE_LINES } from "./log-limits";

const timestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/, "must be an RFC 3339 UTC timestamp");
const count = z.coerce.number().int().min(0);

/** `?before=<ts>&held=<n>&skip=<n>&limit=<n>`: see `readOlderLines`; without `before`, the last `limit` lines. */
export const logPageQuerySchema = z.object({
  before: timestamp.optional(),
  held: count.min(1).default(1),
  skip: count.max(MAX_DEPTH_LINES).default(0),
  limit: count.min(1).max(MAX_PAGE_LINES).default(FIRST_PAGE_LINES),
});

/** `?after=<ts>&held=<n>`: follow from the end of the window the viewer holds; nothing for an empty window. */
export const logFollowQuerySchema = z.object({ after: timestamp.optional(), held: count.min(1).default(1) });
