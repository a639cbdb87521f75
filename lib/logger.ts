import pino from "pino";
import { env } from "./env";

const globalForLogger = globalThis as unknown as { berthLogger?: pino.Logger };

/** Berth's one logger: JSON lines on stdout, level from LOG_LEVEL. */
export const logger: pino.Logger = (globalForLogger.berthLogger ??= pino({
  name: "berth",
  level: env().LOG_LEVEL,
}));
