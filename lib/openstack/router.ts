import type { ApiRequest } from "./http";

export type Handler<C> = (api: ApiRequest, context: C) => Promise<Response>;

type Route<C> = { method: string; segments: string[]; handler: Handler<C> };

export type RouteTable<C> = [method: string, pattern: string, handler: Handler<C>][];

export type Match<C> = { handler: Handler<C>; params: Record<string, string> } | { allowed: string[] } | null;

/** A small path router: patterns like `/servers/:id/action`; HEAD falls back to GET. */
export class Router<C> {
  private readonly routes: Route<C>[];

  constructor(table: RouteTable<C>) {
    this.routes = table.map(([method, pattern, handler]) => ({ method, segments: split(pattern), handler }));
  }

  /** The handler for a request; `{ allowed }` when the path exists but not for this method; null when it does not exist. */
  match(method: string, path: string): Match<C> {
    const segments = split(path);
    const allowed: string[] = [];
    for (const wanted of method === "HEAD" ? ["HEAD", "GET"] : [method]) {
      for (const route of this.routes) {
        const params = bind(route.segments, segments);
        if (!params) continue;
        if (route.method === wanted) return { handler: route.handler, params };
        allowed.push(route.method);
      }
    }
    return allowed.length ? { allowed: [...new Set(allowed)] } : null;
  }
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

function bind(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segments[i]);
    else if (part !== segments[i]) return null;
  }
  return params;
}
