import { refresh } from "next/cache";

/**
 * Waits for a change, then has the page that asked for it redraw with the new data. The browser
 * gets only what `pick` takes from the result: records can hold what must never leave the server
 * (password hashes, TLS keys).
 */
export async function refreshed<T, R = void>(work: Promise<T>, pick?: (result: T) => R): Promise<R> {
  const result = await work;
  refresh();
  return pick ? pick(result) : (undefined as R);
}
