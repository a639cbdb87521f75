import "server-only";
import type { Readable } from "node:stream";
import type { Db } from "@/lib/db/client";
import { toBerthError } from "@/lib/docker/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import type { LogTarget } from "./instance-logs";
import { toSample, type RawStats, type StatsCursor, type StatsSample } from "./stats-sample";

export type StatsFollower = { stop: () => void };

/**
 * Follows a running container's resource use: Docker sends a reading about every second (the
 * first after about one). `onEnd` is called once, when the container stops (null) or the host
 * fails (the error).
 */
export async function followStats(
  db: Db,
  instance: LogTarget,
  handlers: { onSample: (sample: StatsSample) => void; onEnd: (error: BerthError | null) => void },
): Promise<StatsFollower> {
  const host = instance.hostId ? await db.host.findUnique({ where: { id: instance.hostId } }) : null;
  if (!host || !instance.containerId) throw new BerthError("NOT_FOUND", `Instance ${instance.name} has no container, so there is nothing to measure.`);
  let stream: Readable;
  try {
    stream = (await dockerOf(host).docker.getContainer(instance.containerId).stats({ stream: true })) as unknown as Readable;
  } catch (error) {
    throw toBerthError(error, `Reading the stats of ${instance.name}`);
  }
  let cursor: StatsCursor | null = null;
  let buffer = "";
  stream.on("data", (bytes: Buffer) => {
    // Newline-delimited JSON whose lines can be split across chunks.
    buffer += bytes.toString("utf8");
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      const raw = line ? (JSON.parse(line) as RawStats) : null;
      // Docker's last word when the container stops is a reading stamped with the zero time.
      if (!raw || raw.read.startsWith("0001-")) continue;
      const next = toSample(raw, cursor);
      cursor = next.cursor;
      handlers.onSample(next.sample);
    }
  });
  let ended = false;
  const end = (error: BerthError | null) => {
    if (ended) return;
    ended = true;
    handlers.onEnd(error);
  };
  stream.once("end", () => end(null));
  stream.once("error", (error) => end(toBerthError(error, `Reading the stats of ${instance.name}`)));
  return {
    stop: () => {
      ended = true;
      stream.destroy();
    },
  };
}
