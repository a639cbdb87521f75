// One launch at a time on one host: `docker run -d` against Berth's launch (call → ACTIVE).
// Usage: npm run bench:launch [-- --runs 20] [-- --profile] [-- --poll-ms 2]
// The last line is `ratio: X.XX` (Berth median / plain `docker run -d` median).
// --profile also times every Prisma operation and Docker request of Berth's launches and adds a
// fourth series, Berth's own create + start through dockerode alone: the Docker API floor.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { withBenchCloud } from "./support/bench-cloud";
import { CpuMeter } from "./support/cpu";
import {
  BENCH_COMMAND,
  BENCH_IMAGE,
  BERTH_EQUIVALENT_FLAGS,
  dropInstances,
  median,
  removeContainers,
  StatePoller,
  summary,
  timeDockerRun,
} from "./support/measure";
import { busyTime, callTable, measureDbClients, Profiler, type Span } from "./support/profile";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    profile: { type: "boolean", default: false },
    // How often the instance row is read while waiting for ACTIVE.
    "poll-ms": { type: "string", default: "2" },
  },
});
const RUNS = Number(args.runs);
const POLL_MS = Number(args["poll-ms"]);

type Series = "docker" | "dockerFlags" | "dockerode" | "berth";
const LABEL: Record<Series, string> = {
  docker: "docker run -d (plain)",
  dockerFlags: "docker run -d (Berth's flags + network)",
  dockerode: "dockerode create+start",
  berth: "Berth launch → ACTIVE",
};

/** Where one Berth launch spent its time, in order. */
type Phases = { api: number; pickup: number; jobDb: number; jobDocker: number; jobOther: number; observe: number };
const PHASE_LABEL: Record<keyof Phases, string> = {
  api: "launchInstances (request → BUILD rows + job committed)",
  pickup: "job pickup (commit → job's first query)",
  jobDb: "job: Prisma operations",
  jobDocker: "job: Docker API requests",
  jobOther: "job: other (JS, event loop, awaiting a connection)",
  observe: "ACTIVE committed → seen by the poll",
};

/**
 * Splits one launch at its landmarks: the call's return, the job's first query, and the end of
 * the write that makes the instance ACTIVE (`Instance.updateMany`).
 */
function phasesOf(spans: Span[], started: number, returned: number, seen: number): { phases: Phases; jobSpans: Span[] } {
  // spawnInstance starts by reading the instance; the host monitor's queries may interleave.
  const landmark = (what: string) => {
    const span = spans.find((s) => s.what === what && s.start >= returned);
    if (!span) throw new Error(`no ${what} after the call returned; traced: ${[...new Set(spans.map((s) => s.what))].join(", ")}`);
    return span;
  };
  const jobStart = landmark("Instance.findUnique").start;
  const committed = landmark("Instance.updateMany").end;
  const job = spans.filter((s) => s.start >= jobStart && s.end <= committed);
  const jobDb = busyTime(job.filter((s) => s.kind === "db"));
  const jobDocker = busyTime(job.filter((s) => s.kind === "docker"));
  return {
    phases: {
      api: returned - started,
      pickup: jobStart - returned,
      jobDb,
      jobDocker,
      jobOther: committed - jobStart - jobDb - jobDocker,
      observe: seen - committed,
    },
    jobSpans: spans.filter((s) => s.end <= committed),
  };
}

let ratio = NaN;
await withBenchCloud({ hosts: 1 }, async (cloud) => {
  const { launchInstances } = await import("@/lib/instances/launch-instances");
  const { toCreateOptions } = await import("@/lib/instances/container-spec");
  const profiler = args.profile ? await Profiler.attach(cloud.hosts) : null;
  const db = profiler?.db ?? cloud.db;
  const host = cloud.hosts[0];
  const docker = cloud.docker(host);
  const poller = await StatePoller.open(cloud.url);
  const who = { userId: cloud.userId, projectId: cloud.projectId };
  const imageId = cloud.imageId("busybox");
  const flavorId = cloud.flavorId("m1.nano");

  const berthApi: number[] = [];
  const berthStamped: number[] = [];
  const phases: Phases[] = [];
  const spansPerLaunch: Span[][] = [];

  // Berth's containers join the project's network (a user-defined bridge), made by its first launch.
  let networkFlags: string[] = [];
  const dockerRun = (flags: () => string[]) => async () => {
    const run = await timeDockerRun(host.endpoint, flags());
    await removeContainers(docker, [run.containerId]);
    return run.ms;
  };
  const measure: Record<Series, (n: number) => Promise<number>> = {
    docker: dockerRun(() => []),
    dockerFlags: dockerRun(() => [...BERTH_EQUIVALENT_FLAGS, ...networkFlags]),
    dockerode: async (n) => {
      const spec = {
        id: randomUUID(),
        name: `floor-${n}`,
        projectId: cloud.projectId,
        kind: "application" as const,
        vcpus: 1,
        ramMiB: 64,
        swapMiB: 0,
        flavorExtraSpecs: {},
        command: BENCH_COMMAND,
        entrypoint: null,
        env: {},
        workingDir: null,
        labels: {},
      };
      const started = performance.now();
      const container = await docker.createContainer(toCreateOptions(spec, BENCH_IMAGE));
      await container.start();
      const took = performance.now() - started;
      await removeContainers(docker, [container.id]);
      return took;
    },
    berth: async (n) => {
      profiler?.clear();
      const wallStart = Date.now();
      const started = performance.now();
      const { instances } = await launchInstances(db, who, {
        name: `bench-${n}`,
        imageId,
        flavorId,
        kind: "application",
        command: BENCH_COMMAND,
      });
      const returned = performance.now();
      const seen = await poller.untilActive(instances[0].id, POLL_MS);
      const row = await cloud.db.instance.findUniqueOrThrow({ where: { id: instances[0].id } });
      if (n > 0) {
        berthApi.push(returned - started);
        // launchedAt is stamped by the job on this process's clock just before its last write:
        // a poll-free lower bound, to show that polling does not inflate the figure.
        berthStamped.push(row.launchedAt!.getTime() - wallStart);
        if (profiler) {
          const split = phasesOf(profiler.between(started, seen), started, returned, seen);
          phases.push(split.phases);
          spansPerLaunch.push(split.jobSpans);
        }
      }
      await dropInstances(cloud, [row.id]);
      return seen - started;
    },
  };

  /** An ACTIVE instance to read and write in the round-trip measurement. */
  const launchOne = async () => {
    const { instances } = await launchInstances(cloud.db, who, { name: "db-costs", imageId, flavorId, kind: "application", command: BENCH_COMMAND });
    await poller.untilActive(instances[0].id);
    return instances[0].id;
  };

  const order: Series[] = args.profile ? ["docker", "dockerFlags", "dockerode", "berth"] : ["docker", "dockerFlags", "berth"];
  cloud.say("warm-up: one of each");
  await measure.berth(0);
  const { dockerNetworkName } = await import("@/lib/networks/host-networks");
  const realised = await cloud.db.networkHost.findFirstOrThrow({ where: { hostId: host.id } });
  networkFlags = [`--network=${dockerNetworkName(realised.id)}`];
  for (const s of order) if (s !== "berth") await measure[s](0);

  cloud.say(`${RUNS} rounds, one launch at a time; the order of the series rotates every round`);
  const results = Object.fromEntries(order.map((s) => [s, [] as number[]])) as Record<Series, number[]>;
  const cpuBefore = cloud.cpu.sample();
  for (let round = 1; round <= RUNS; round++) {
    for (let k = 0; k < order.length; k++) {
      const s = order[(round + k) % order.length];
      results[s].push(await measure[s](round));
    }
  }
  const cpuAfter = cloud.cpu.sample();
  const dbCosts = profiler ? await measureDbClients(cloud, await launchOne()) : [];
  await poller.close();

  console.log("");
  console.log(`${BENCH_IMAGE} running ${BENCH_COMMAND.join(" ")}; Berth: kind application, flavor m1.nano (1 vCPU, 64 MiB); 1 host`);
  console.log(`other work on this machine during the rounds: ${CpuMeter.othersShare(cpuBefore, cpuAfter)}`);
  for (const s of order) console.log(`${LABEL[s].padEnd(36)} ${summary(results[s])}`);
  console.log(`${"  Berth: the call returns after".padEnd(36)} ${summary(berthApi)}`);
  console.log(`${"  Berth: launchedAt stamp (no poll)".padEnd(36)} ${summary(berthStamped)}`);
  // Rounds run back to back, so a load spike on the machine tends to hit both series of a round alike.
  const paired = results.berth.map((b, i) => b - results.docker[i]);
  console.log(`Berth − docker run, paired by round: ${summary(paired)}`);
  console.log(`Berth / docker run with Berth's flags: ${(median(results.berth) / median(results.dockerFlags)).toFixed(2)}`);
  if (profiler) {
    console.log("\nBerth launch, median per phase:");
    for (const key of Object.keys(PHASE_LABEL) as (keyof Phases)[]) {
      console.log(`  ${PHASE_LABEL[key].padEnd(58)} ${median(phases.map((p) => p[key])).toFixed(1).padStart(6)} ms`);
    }
    const queries = spansPerLaunch.map((spans) => spans.filter((s) => s.kind === "db").length);
    console.log(`\nBerth launch, calls up to ACTIVE (${median(queries)} Prisma operations; calls per launch × median = time per launch):`);
    for (const line of callTable(spansPerLaunch)) console.log(line);
    console.log("\nOne database round trip, Prisma against a bare pg client (500 calls each, one at a time):");
    for (const line of dbCosts) console.log(line);
  }
  ratio = median(results.berth) / median(results.docker);
});

console.log(`ratio: ${ratio.toFixed(2)}`);
// Everything the bench started is stopped by now. Exit anyway: under heavy load Berth's services
// can leave a host monitor running after stop() (see docs/benchmarks.md), and its timers would keep
// this process alive forever.
process.exit(0);
