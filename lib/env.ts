import { z } from "zod";
import { DEFAULT_POOL, parseCidr } from "@/lib/networks/subnets";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  BERTH_DATA_DIR: z.string().min(1).default(".berth"),
  BERTH_IMAGE_STORE: z.string().min(1).optional(),
  BERTH_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  BERTH_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  BERTH_SECURE_COOKIES: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  DOCKER_HOST: z.string().optional(),
  BERTH_HEARTBEAT_INTERVAL_S: z.coerce.number().min(0.5).max(60).default(3),
  BERTH_RECONCILE_INTERVAL_S: z.coerce.number().min(1).max(3600).default(30),
  BERTH_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  // Nova's resize_confirm_window, except that 0 confirms at once instead of never.
  BERTH_RESIZE_CONFIRM_SECONDS: z.coerce.number().int().min(0).max(90 * 24 * 3600).default(24 * 3600),
  // Where automatic project subnets (a /24 per network per host) come from.
  BERTH_NETWORK_POOL: z
    .string()
    .default(DEFAULT_POOL)
    .refine((v) => (parseCidr(v)?.prefix ?? 99) <= 24, "must be a CIDR network of /24 or wider, e.g. 10.128.0.0/13"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

/** Validates an environment; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, read and validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
