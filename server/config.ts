/** The server's configuration, from the environment, with the README's defaults. */
import { z } from "zod";

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).default("./data/calls.db"),
  SEED_CALLS: z.coerce.number().int().min(0).max(5_000_000).default(50_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The demo users' password; random (and printed) when unset. */
  DEMO_PASSWORD: z.string().min(8).max(256).optional(),
  /** Sign-in attempts one address may make per minute. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** "1" behind a TLS-terminating proxy: trust X-Forwarded-* (secure cookie, client address). */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
});

export type ServerConfig = z.infer<typeof configSchema>;

export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
