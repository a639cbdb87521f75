import { stat } from "node:fs/promises";
import path from "node:path";
import { buildIfNeeded } from "@/scripts/lib/build.mjs";

/**
 * The Next build a bench's server runs: BERTH_NEXT_DIST as the caller built it, used as it is, or
 * the bench's own `.next-bench-<name>`, built when older than its sources (`next build`, 1–4 min).
 */
export async function nextBuildFor(name: string, say: (line: string) => void): Promise<string> {
  const given = process.env.BERTH_NEXT_DIST;
  if (given) {
    const builtAt = (await stat(path.join(given, "BUILD_ID"))).mtime;
    say(`using the Next build in ${given} as it is (built ${((Date.now() - builtAt.getTime()) / 60_000).toFixed(0)} min ago)`);
    return given;
  }
  process.env.BERTH_NEXT_DIST = `.next-bench-${name}`;
  say(`Next build in ${process.env.BERTH_NEXT_DIST} (built now if older than its sources)`);
  buildIfNeeded(path.resolve(import.meta.dirname, "../.."), say);
  return process.env.BERTH_NEXT_DIST;
}
