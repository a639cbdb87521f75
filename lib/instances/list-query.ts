import { z } from "zod";
import { LISTED_STATUSES } from "./status-filter";

export const LIST_SORTS = ["created", "name", "status"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 50;

/** One page of a project's instance list: order, filters and where to continue. Shared by the page, the API and the browser. */
export const instanceListQuerySchema = z.object({
  sort: z.enum(LIST_SORTS, "sort by created, name or status").default("created"),
  dir: z.enum(["asc", "desc"], "dir is asc or desc").default("desc"),
  name: z.string().trim().max(63, "at most 63 characters").optional(),
  status: z.enum(LISTED_STATUSES, "not a status").optional(),
  imageId: z.uuid("not an image id").optional(),
  flavor: z.string().trim().max(64).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE),
});

export type InstanceListQuery = z.output<typeof instanceListQuerySchema>;
export type InstanceListFilters = Omit<InstanceListQuery, "cursor" | "limit">;

const DEFAULTS = instanceListQuerySchema.parse({});
const KEYS = Object.keys(instanceListQuerySchema.shape) as (keyof InstanceListQuery)[];

/** The query a URL asks for; anything unreadable falls back to the defaults rather than failing the page. */
export function listQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>): InstanceListQuery {
  const get = (key: string) => (params instanceof URLSearchParams ? params.get(key) : [params[key]].flat()[0]) || undefined;
  const query = { ...DEFAULTS };
  for (const key of KEYS) {
    const parsed = instanceListQuerySchema.shape[key].safeParse(get(key));
    if (parsed.success && parsed.data !== undefined) Object.assign(query, { [key]: parsed.data });
  }
  return query;
}

/** The URL parameters for a query, leaving out what is the default. */
export function listSearchParams(query: Partial<InstanceListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = query[key];
    if (value !== undefined && value !== "" && value !== DEFAULTS[key]) params.set(key, String(value));
  }
  return params;
}
