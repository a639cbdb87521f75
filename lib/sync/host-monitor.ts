import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { watchContainerEvents, type EventSubscription } from "@/lib/docker/events";
import { dockerOf } from "@/lib/hosts/host-connection";
import { heartbeat } from "@/lib/hosts/heartbeat";
import { collectDeletedImages } from "@/lib/images/collect-deleted-images";
import { logger } from "@/lib/logger";
import { applyContainerEvent, type ContainerEvent } from "./container-events";
import { reconcileHost } from "./reconcile";

export type MonitorOptions = { heartbeatMs: number; reconcileMs: number; orphanGraceMs: number; onChange?: (instanceId: string) => void };

/**
 * Keeps the database true to the hosts, on the one process that holds the sync lead:
 * heartbeats (a host that stops answering is down within one interval plus the probe timeout,
 * its instances UNKNOWN), one event stream per up host (state within a second of an
 * out-of-band change), and a periodic reconcile that repairs anything missed.
 */
export class HostMonitor {
  private watchers = new Map<string, EventSubscription>();
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private beating = false;

  constructor(
    private db: Db,
    private options: MonitorOptions,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    await this.reconcileAll();
    this.timers.push(setInterval(() => void this.beat(), this.options.heartbeatMs));
    this.timers.push(setInterval(() => void this.reconcileAll(), this.options.reconcileMs));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const w of this.watchers.values()) w.stop();
    this.watchers.clear();
  }

  private async beat(): Promise<void> {
    if (this.beating || this.stopped) return;
    this.beating = true;
    try {
      const hosts = await this.db.host.findMany();
      await Promise.all(hosts.map((h) => this.beatOne(h)));
    } catch (error) {
      logger.error({ err: error }, "heartbeat round failed");
    } finally {
      this.beating = false;
    }
  }

  private async beatOne(before: Host): Promise<void> {
    const after = await heartbeat(this.db, before, Math.min(2000, this.options.heartbeatMs));
    if (after.status === "down" && (before.status === "up" || !this.watchers.has(before.id))) {
      this.unwatch(before.id);
      const { count } = await this.db.instance.updateMany({
        where: { hostId: before.id, deletedAt: null, powerState: { not: "unknown" }, vmState: { notIn: ["building", "error"] } },
        data: { powerState: "unknown" },
      });
      if (before.status === "up") logger.warn({ host: before.name, instances: count, reason: after.lastError }, "host is down");
    }
    if (after.status === "up" && !this.watchers.has(after.id)) {
      await this.watch(after);
      if (before.status === "down") logger.info({ host: after.name }, "host is back");
      await this.reconcile(after);
    }
  }

  private async watch(host: Host): Promise<void> {
    try {
      const subscription = await watchContainerEvents(dockerOf(host).docker, (event) => {
        void applyContainerEvent(this.db, host.id, event as ContainerEvent)
          .then((changed) => changed && this.options.onChange?.(changed))
          .catch((error) => logger.error({ err: error, host: host.name }, "applying a container event failed"));
      });
      this.watchers.set(host.id, subscription);
      void subscription.ended.then((error) => {
        if (this.watchers.get(host.id) !== subscription) return;
        this.watchers.delete(host.id);
        // The next heartbeat resubscribes (if the host is up) and reconciles what was missed.
        if (error && !this.stopped) logger.warn({ host: host.name, err: error.message }, "event stream lost");
      });
    } catch (error) {
      logger.warn({ host: host.name, err: error }, "cannot follow events");
    }
  }

  private unwatch(hostId: string): void {
    this.watchers.get(hostId)?.stop();
    this.watchers.delete(hostId);
  }

  private async reconcileAll(): Promise<void> {
    if (this.stopped) return;
    const hosts = await this.db.host.findMany({ where: { status: "up" } }).catch(() => []);
    await Promise.all(hosts.map((h) => this.reconcile(h)));
    await collectDeletedImages(this.db).catch((error) => logger.warn({ err: error }, "image clean-up failed"));
  }

  private async reconcile(host: Host): Promise<void> {
    try {
      const report = await reconcileHost(this.db, host, this.options.orphanGraceMs);
      for (const id of [...report.updated, ...report.vanished]) this.options.onChange?.(id);
    } catch (error) {
      logger.warn({ host: host.name, err: error }, "reconcile failed");
    }
  }
}
