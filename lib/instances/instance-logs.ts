import "server-only";
import { Transform, type Readable } from "node:stream";
import type { Db } from "@/lib/db/client";
import type { Instance } from "@/lib/db/generated/client";
import type { DockerHost, LogChunk } from "@/lib/docker/client";
import { BerthError } from "@/lib/errors";
import { dockerOf } from "@/lib/hosts/host-connection";
import { FIRST_PAGE_LINES, MAX_DEPTH_LINES } from "./log-limits";
import { compareTs, FollowFilter, LineSplitter, linesBefore, type LogCursor, type LogLine } from "./log-lines";

/**
 * Extra lines asked for beyond what the client is known to hold, for what the container printed
 * while the request was on its way. A live stream opens with the same overlap.
 */
const OVERLAP_LINES = 1000;
// Lines sharing one timestamp, kept past a page's limit until the seam is known.
const SAME_TIME_SLACK = 1000;

export type LogPage = { lines: LogLine[]; atStart: boolean };
export type LogTarget = Pick<Instance, "name" | "hostId" | "containerId">;

async function containerOf(db: Db, instance: LogTarget): Promise<{ host: DockerHost; containerId: string }> {
  const host = instance.hostId ? await db.host.findUnique({ where: { id: instance.hostId } }) : null;
  if (!host || !instance.containerId) {
    throw new BerthError("NOT_FOUND", `Instance ${instance.name} has no container yet, so there is no log to show.`);
  }
  return { host: dockerOf(host), containerId: instance.containerId };
}

/** Reads a log stream line by line until it ends or `take` says stop. */
async function eachLine(stream: Readable, take: (line: LogLine) => boolean): Promise<void> {
  const split = new LineSplitter();
  try {
    for await (const chunk of stream as AsyncIterable<LogChunk>) {
      for (const line of split.push(chunk)) if (!take(line)) return;
    }
    for (const line of split.end()) if (!take(line)) return;
  } finally {
    stream.destroy();
  }
}

/**
 * The last `limit` lines, with Docker's timestamps. Read whole and cut in one go: a page is at
 * most a few MB, and this is what the log tab waits for (about a third of the CPU of streaming it).
 */
export async function readLogTail(db: Db, instance: LogTarget, limit = FIRST_PAGE_LINES): Promise<LogPage> {
  const { host, containerId } = await containerOf(db, instance);
  const split = new LineSplitter();
  const lines = (await host.logs(containerId, { tail: limit, timestamps: true })).flatMap((chunk) => split.push(chunk));
  lines.push(...split.end());
  return { lines, atStart: lines.length < limit };
}

/**
 * Up to `limit` lines just before a window that starts at `before` and runs `skip` lines to the
 * end of the log. Docker can only count from the end, so this asks for `skip + limit` lines and
 * some more; once the page is full it stops reading. A tail that falls short of a full page either
 * reached the start of the log, or (when the container printed a lot meanwhile) missed the window:
 * then it asks again for more.
 */
export async function readOlderLines(
  db: Db,
  instance: LogTarget,
  { before, skip, limit }: { before: LogCursor; skip: number; limit: number },
): Promise<LogPage> {
  if (skip > MAX_DEPTH_LINES) {
    throw new BerthError("INVALID_INPUT", `The viewer reads at most ${MAX_DEPTH_LINES.toLocaleString("en")} lines back; download the log for the rest.`);
  }
  const { host, containerId } = await containerOf(db, instance);
  for (let tail = skip + limit + OVERLAP_LINES, attempt = 0; attempt < 3; attempt++, tail *= 4) {
    let read = 0;
    let beforeSeam = true;
    let kept: LogLine[] = [];
    let full: LogLine[] | null = null;
    await eachLine(await host.streamLogs(containerId, { tail, timestamps: true }), (line) => {
      read++;
      if (beforeSeam && compareTs(line.ts, before.ts) <= 0) {
        kept.push(line);
        if (kept.length > 2 * (limit + SAME_TIME_SLACK)) kept = kept.slice(-(limit + SAME_TIME_SLACK));
        return true;
      }
      if (beforeSeam) {
        beforeSeam = false;
        const page = linesBefore(kept, before, limit);
        if (page.length === limit) full = page;
      }
      return !full;
    });
    if (full) return { lines: full, atStart: false };
    const lines = linesBefore(kept, before, limit);
    if (read < tail) return { lines, atStart: lines.length < limit };
  }
  throw new BerthError("CONFLICT", `Instance ${instance.name} is printing faster than its log can be paged; try again, or download the log.`);
}

export type LogFollower = { stop: () => void };

/**
 * Follows the log from the end of a window the client holds (`after`; null for none): `onLines`
 * gets each batch of new lines, `gap` set when more was printed since the window than the overlap
 * covers. `onEnd` is called once, when the container stops (null) or the host fails (the error).
 */
export async function followLog(
  db: Db,
  instance: LogTarget,
  after: LogCursor | null,
  handlers: { onLines: (lines: LogLine[], gap: boolean) => void; onEnd: (error: BerthError | null) => void },
): Promise<LogFollower> {
  const { host, containerId } = await containerOf(db, instance);
  const stream = await host.streamLogs(containerId, { follow: true, tail: after ? OVERLAP_LINES : 0, timestamps: true });
  const split = new LineSplitter();
  const filter = new FollowFilter(after);
  let gapReported = false;
  const deliver = (lines: LogLine[]) => {
    const fresh = lines.filter((line) => filter.accept(line));
    if (!fresh.length) return;
    handlers.onLines(fresh, filter.gap && !gapReported);
    gapReported ||= filter.gap;
  };
  stream.on("data", (chunk: LogChunk) => deliver(split.push(chunk)));
  stream.once("end", () => {
    deliver(split.end());
    handlers.onEnd(null);
  });
  stream.once("error", (error) => handlers.onEnd(error instanceof BerthError ? error : new BerthError("DOCKER_ERROR", error.message)));
  return { stop: () => stream.destroy() };
}

/**
 * The whole log as bytes, streamed from the host as it is read: nothing is gathered in memory, and
 * a slow reader slows the read down.
 */
export async function logDownload(db: Db, instance: LogTarget, { timestamps }: { timestamps: boolean }): Promise<Readable> {
  const { host, containerId } = await containerOf(db, instance);
  const source = await host.streamLogs(containerId, { timestamps });
  const toBytes = new Transform({
    writableObjectMode: true,
    transform(chunk: LogChunk, _encoding, done) {
      done(null, Buffer.from(chunk.text, "utf8"));
    },
  });
  source.once("error", (error) => toBytes.destroy(error));
  toBytes.once("close", () => source.destroy());
  return source.pipe(toBytes);
}
