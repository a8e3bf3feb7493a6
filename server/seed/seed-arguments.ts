/**
 * The command line of `npm run seed`, checked before anything touches a database: a wrong
 * argument must stop the command with a message that says what to type instead.
 */
import { parseArgs } from "node:util";

export const SEED_USAGE = `Usage: npm run seed -- --calls N [--seed S] [--database PATH] [--now DATE]

  --calls N        how many demo calls to create (1 to 10 000 000)
  --seed S         seed of the generator, 0 to 4294967295 (default 20261125):
                   the same seed and --now give the same calls
  --database PATH  the SQLite file to fill (default: $DATABASE_URL, else ./data/calls.db)
  --now DATE       end of the 90-day history, ISO 8601 (default: now)`;

export const MAX_SEED_CALLS = 10_000_000;

export type SeedArguments =
  | { kind: "help" }
  | {
      kind: "seed";
      calls: number;
      seed: number | undefined;
      database: string;
      now: Date | undefined;
    };

export class SeedArgumentError extends Error {}

function wholeNumber(name: string, text: string, max: number, min = 0): number {
  // Digit groups may be written 1_000_000 or 1,000,000.
  const digits = text.replace(/[_,]/g, "");
  if (!/^\d+$/.test(digits)) {
    throw new SeedArgumentError(`--${name} must be a whole number (got "${text}")`);
  }
  const value = Number(digits);
  if (value < min || value > max) {
    throw new SeedArgumentError(`--${name} must be between ${min} and ${max} (got ${text})`);
  }
  return value;
}

export function parseSeedArguments(
  argv: readonly string[],
  environment: NodeJS.ProcessEnv,
): SeedArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new SeedArgumentError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return { kind: "help" };
  if (values.calls === undefined) throw new SeedArgumentError("--calls is required");
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) {
      throw new SeedArgumentError(`--now must be an ISO 8601 date (got "${values.now}")`);
    }
  }
  const database = values.database ?? environment.DATABASE_URL ?? "./data/calls.db";
  if (database.trim() === "") throw new SeedArgumentError("--database must not be empty");
  return {
    kind: "seed",
    calls: wholeNumber("calls", values.calls, MAX_SEED_CALLS, 1),
    seed: values.seed === undefined ? undefined : wholeNumber("seed", values.seed, 0xffff_ffff),
    database,
    now,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      calls: { type: "string" },
      seed: { type: "string" },
      database: { type: "string" },
      now: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
