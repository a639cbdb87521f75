// Types for dockerd.mjs, which stays plain JavaScript because it runs before node_modules exists.
export type Log = (line: string) => void;

export type PrivateDaemonLayout = {
  name: string;
  socketPath: string;
  /** `unix://<socketPath>` */
  endpoint: string;
  pidfile: string;
  dataRoot: string;
  configFile: string;
  execRoot: string;
  logFile: string;
  bridge: string;
  bridgeAddress: string;
  addressPool: string;
};

export type PrivateDaemon = PrivateDaemonLayout & { stop(): Promise<void> };

export type PrivateDaemonOptions = {
  count: number;
  baseDir: string;
  /** Daemon i is named `${namePrefix}${i}`; it names the bridge too, so at most 15 characters. Default "berth-d". */
  namePrefix?: string;
  /** Daemon i gets 10.(subnetBase + i).0.0/16. Default 200. */
  subnetBase?: number;
  liveRestore?: boolean;
};

export function answersPing(socketPath: string): Promise<boolean>;
export function startPrivateDaemons(options: PrivateDaemonOptions): Promise<PrivateDaemon[]>;
export function stopDaemon(daemon: PrivateDaemonLayout): Promise<void>;
export function stopAll(daemons: PrivateDaemonLayout[]): Promise<void>;
export function killDaemon(daemon: PrivateDaemonLayout): Promise<void>;
export function restartDaemon(daemon: PrivateDaemonLayout, options?: { liveRestore?: boolean }): Promise<void>;
export function stopDaemonsIn(baseDir: string): Promise<void>;
export function ensureDockerInstalled(log?: Log): void;
export function ensureLocalEngine(log?: Log, options?: { logFile?: string }): Promise<string>;
