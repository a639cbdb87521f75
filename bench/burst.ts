// A burst of 50 launches at once over 3 hosts: 50 parallel `docker run -d` (round-robin over the
// daemons) against 50 concurrent launchInstances calls (50 users pressing Launch together).
// Usage: npm run bench:burst [-- --reps 3] [-- --size 50]
// The last line is `ratio: X.XX` (Berth median wall time / docker run median wall time).
import { parseArgs } from "node:util";
import { withBenchCloud, type BenchCloud } from "./support/bench-cloud";
import { CpuMeter, type CpuSample } from "./support/cpu";
import { BENCH_COMMAND, BENCH_IMAGE, dropInstances, median, percentile, removeContainers, StatePoller, timeDockerRun } from "./support/measure";

const { values: args } = parseArgs({
  options: {
    reps: { type: "string", default: "3" },
    size: { type: "string", default: "50" },
    // Berth's BERTH_JOB_CONCURRENCY (default 16): how many launch jobs run at once in the process.
    concurrency: { type: "string", default: "16" },
  },
});
const REPS = Number(args.reps);
const SIZE = Number(args.size);
// 3 hosts × 2 CPUs × the default ratio 4 = 24 vCPUs: too few for 50 one-vCPU instances.
const CPU_ALLOCATION_RATIO = 32;

const spread = (values: number[]) =>
  `p50 ${median(values).toFixed(0)}, p90 ${percentile(values, 0.9).toFixed(0)}, max ${Math.max(...values).toFixed(0)} ms`;

const launchRequest = (cloud: BenchCloud, name: string) => ({
  name,
  imageId: cloud.imageId("busybox"),
  flavorId: cloud.flavorId("m1.nano"),
  kind: "application" as const,
  command: BENCH_COMMAND,
});

type Burst = { wall: number; cpu: CpuSample };

async function dockerBurst(cloud: BenchCloud): Promise<Burst> {
  const cpuBefore = cloud.cpu.sample();
  const started = performance.now();
  const runs = await Promise.all(Array.from({ length: SIZE }, (_, i) => timeDockerRun(cloud.hosts[i % cloud.hosts.length].endpoint)));
  const wall = Math.max(...runs.map((r) => r.exitedAt)) - started;
  const cpuAfter = cloud.cpu.sample();
  cloud.say(`docker: ${SIZE} × docker run -d in ${wall.toFixed(0)} ms (each: ${spread(runs.map((r) => r.ms))})`);
  console.log(`        ${CpuMeter.describe(cpuBefore, cpuAfter)}`);
  await Promise.all(
    cloud.hosts.map((host, h) =>
      removeContainers(cloud.docker(host), runs.filter((_, i) => i % cloud.hosts.length === h).map((r) => r.containerId)),
    ),
  );
  return { wall, cpu: CpuMeter.delta(cpuBefore, cpuAfter) };
}

async function berthBurst(cloud: BenchCloud, poller: StatePoller, rep: number): Promise<Burst> {
  const { launchInstances } = await import("@/lib/instances/launch-instances");
  const who = { userId: cloud.userId, projectId: cloud.projectId };
  const cpuBefore = cloud.cpu.sample();
  const wallStart = Date.now();
  const started = performance.now();
  const calls = Array.from({ length: SIZE }, async (_, i) => {
    const { instances } = await launchInstances(cloud.db, who, launchRequest(cloud, `burst-${rep}-${i}`));
    return { id: instances[0].id, returned: performance.now() - started };
  });
  const [accepted, seen] = await Promise.all([Promise.all(calls), poller.untilProjectActive(cloud.projectId, SIZE)]);
  const cpuAfter = cloud.cpu.sample();
  const wall = seen - started;
  const ids = accepted.map((a) => a.id);
  cloud.say(`Berth: ${SIZE} launches ACTIVE in ${wall.toFixed(0)} ms (launchInstances returned: ${spread(accepted.map((a) => a.returned))})`);
  console.log(`        ${CpuMeter.describe(cpuBefore, cpuAfter)}`);
  await describeBurst(cloud, ids, wallStart);
  await dropInstances(cloud, ids);
  return { wall, cpu: CpuMeter.delta(cpuBefore, cpuAfter) };
}

/** Where the burst's time went, from Berth's own records: the action log and launchedAt. */
async function describeBurst(cloud: BenchCloud, ids: string[], wallStart: number): Promise<void> {
  const instances = await cloud.db.instance.findMany({
    where: { id: { in: ids } },
    include: { host: true, actions: { include: { events: true } } },
  });
  const at = (d: Date | null | undefined) => (d ? d.getTime() - wallStart : NaN);
  const events = instances.flatMap((i) => i.actions.flatMap((a) => a.events));
  const took = (name: string) => events.filter((e) => e.event === name).map((e) => at(e.finishedAt) - at(e.startedAt));
  const jobStart = instances.map((i) => Math.min(...i.actions.flatMap((a) => a.events).map((e) => at(e.startedAt))));
  const perHost = new Map<string, number>();
  for (const i of instances) perHost.set(i.host?.name ?? "-", (perHost.get(i.host?.name ?? "-") ?? 0) + 1);
  const lines = [
    `rows written (createdAt)   ${spread(instances.map((i) => at(i.createdAt)))} after the first call`,
    `job's first step started   ${spread(jobStart)} after the first call`,
    `ACTIVE (launchedAt)        ${spread(instances.map((i) => at(i.launchedAt)))} after the first call`,
    ...["schedule", "image", "create", "start"].map((s) => `step ${s.padEnd(21)} ${spread(took(s))} each`),
    `placement                  ${[...perHost.entries()].sort().map(([h, n]) => `${h}: ${n}`).join(", ")}`,
  ];
  for (const line of lines) console.log(`        ${line}`);
}

let ratio = NaN;
await withBenchCloud({ hosts: 3, concurrency: Number(args.concurrency) }, async (cloud) => {
  const { dockerOf } = await import("@/lib/hosts/host-connection");
  const limits = { instances: 1000, cores: 1000, ram: 1_000_000, disk: 10_000 };
  for (const [resource, limit] of Object.entries(limits)) {
    await cloud.db.quota.upsert({
      where: { projectId_resource: { projectId: cloud.projectId, resource } },
      create: { projectId: cloud.projectId, resource, limit },
      update: { limit },
    });
  }
  await cloud.db.host.updateMany({ data: { cpuAllocationRatio: CPU_ALLOCATION_RATIO } });
  cloud.say(`demo project quota raised to ${JSON.stringify(limits)}; hosts' cpuAllocationRatio set to ${CPU_ALLOCATION_RATIO} (bench only)`);
  // Seed images start on host-0 only; `docker run` needs the image everywhere, so Berth gets it too.
  for (const host of cloud.hosts.slice(1)) await dockerOf(host).loadImage(await cloud.docker(cloud.hosts[0]).getImage(BENCH_IMAGE).get());
  cloud.say(`${BENCH_IMAGE} loaded on every host`);

  const poller = await StatePoller.open(cloud.url);
  cloud.say("warm-up: one docker run per host, three Berth launches");
  await Promise.all(
    cloud.hosts.map(async (host) => removeContainers(cloud.docker(host), [(await timeDockerRun(host.endpoint)).containerId])),
  );
  const { launchInstances } = await import("@/lib/instances/launch-instances");
  const warm = await Promise.all(
    cloud.hosts.map((_, i) => launchInstances(cloud.db, { userId: cloud.userId, projectId: cloud.projectId }, launchRequest(cloud, `warm-${i}`))),
  );
  await poller.untilProjectActive(cloud.projectId, cloud.hosts.length);
  await dropInstances(cloud, warm.map((w) => w.instances[0].id));

  const docker: Burst[] = [];
  const berth: Burst[] = [];
  const cpuBefore = cloud.cpu.sample();
  for (let rep = 1; rep <= REPS; rep++) {
    const pair = rep % 2 ? ["docker", "berth"] : ["berth", "docker"];
    for (const which of pair) {
      if (which === "docker") docker.push(await dockerBurst(cloud));
      else berth.push(await berthBurst(cloud, poller, rep));
    }
  }
  const cpuAfter = cloud.cpu.sample();
  await poller.close();

  console.log("");
  console.log(`other work on this machine during the bursts: ${CpuMeter.othersShare(cpuBefore, cpuAfter)}`);
  console.log(`${SIZE} launches at once over ${cloud.hosts.length} hosts; ${BENCH_IMAGE} running ${BENCH_COMMAND.join(" ")}; Berth: m1.nano`);
  console.log(`Berth's job concurrency ${args.concurrency}`);
  console.log(`hosts' cpuAllocationRatio raised to ${CPU_ALLOCATION_RATIO} for this bench (the default 4 fits only 24 × 1 vCPU)`);
  const walls = (bursts: Burst[]) => bursts.map((b) => b.wall);
  const perLaunch = (bursts: Burst[], key: keyof CpuSample) => `${median(bursts.map((b) => b.cpu[key] / SIZE)).toFixed(0)} ms`;
  console.log(`docker run -d ×${SIZE}, round-robin       wall ${walls(docker).map((w) => w.toFixed(0)).join(", ")} ms; median ${median(walls(docker)).toFixed(0)} ms`);
  console.log(`Berth, ${SIZE} concurrent calls → ACTIVE  wall ${walls(berth).map((w) => w.toFixed(0)).join(", ")} ms; median ${median(walls(berth)).toFixed(0)} ms`);
  console.log(
    `CPU per launch (medians): engines ${perLaunch(docker, "engines")} (docker) / ${perLaunch(berth, "engines")} (Berth); ` +
      `docker CLI ${perLaunch(docker, "cli")}; Berth process ${perLaunch(berth, "berth")} + postgres ${perLaunch(berth, "postgres")}`,
  );
  ratio = median(walls(berth)) / median(walls(docker));
});

console.log(`ratio: ${ratio.toFixed(2)}`);
// Everything the bench started is stopped by now. Exit anyway: under heavy load Berth's services
// can leave a host monitor running after stop() (see docs/benchmarks.md), and its timers would keep
// this process alive forever.
process.exit(0);
