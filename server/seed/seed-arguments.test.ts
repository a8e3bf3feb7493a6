import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseSeedArguments, SeedArgumentError } from "./seed-arguments.ts";

const parse = (argv: string[], environment: NodeJS.ProcessEnv = {}) =>
  parseSeedArguments(argv, environment);

describe("parseSeedArguments", () => {
  it("reads the calls, seed, database and now", () => {
    expect(
      parse([
        "--calls",
        "1_000_000",
        "--seed",
        "7",
        "--database",
        "/tmp/x.db",
        "--now",
        "2026-11-25T10:00:00+07:00",
      ]),
    ).toEqual({
      kind: "seed",
      calls: 1_000_000,
      seed: 7,
      database: "/tmp/x.db",
      now: new Date("2026-11-25T03:00:00Z"),
    });
  });

  it("takes the database from DATABASE_URL, else ./data/calls.db", () => {
    expect(parse(["--calls", "5"], { DATABASE_URL: "file:/srv/calls.db" })).toMatchObject({
      database: "file:/srv/calls.db",
      seed: undefined,
      now: undefined,
    });
    expect(parse(["--calls", "5"])).toMatchObject({ database: "./data/calls.db" });
  });

  it.each([
    [[], /--calls is required/],
    [["--calls", "many"], /--calls must be a whole number/],
    [["--calls", "0"], /--calls must be between 1 and 10000000/],
    [["--calls", "20000000"], /between 1 and 10000000/],
    [["--calls", "5", "--seed=-1"], /--seed must be a whole number/],
    [["--calls", "5", "--seed", "1.5"], /--seed must be a whole number/],
    [["--calls", "5", "--seed", "4294967296"], /--seed must be between 0 and 4294967295/],
    [["--calls", "5", "--now", "yesterday"], /--now must be an ISO 8601 date/],
    [["--calls", "5", "--database", " "], /--database must not be empty/],
    [["--calls", "5", "--count", "3"], /Unknown option '--count'/],
    [["--calls"], /argument missing/],
    [["extra"], /Unexpected argument 'extra'/],
  ])("rejects %j", (argv, message) => {
    expect(() => parse(argv)).toThrow(SeedArgumentError);
    expect(() => parse(argv)).toThrow(message);
  });

  it("answers --help", () => {
    expect(parse(["--help"])).toEqual({ kind: "help" });
  });
});

describe("npm run seed", () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "server/seed/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: undefined },
    });

  it("fills the database and reports the time, rate and size", async () => {
    const directory = mkdtempSync(join(tmpdir(), "seed-cli-"));
    try {
      const database = join(directory, "calls.db");
      const { stdout } = await run(["--calls", "300", "--seed", "3", "--database", database]);
      expect(existsSync(database)).toBe(true);
      // Not a terminal: progress comes as plain lines.
      expect(stdout).not.toContain("\r");
      expect(stdout).toMatch(/^300 \/ 300 calls \(100%\), [\d,]+ calls\/s$/m);
      expect(stdout).toMatch(
        /Done: 300 calls in \d+\.\d s \([\d,]+ calls\/s\); .+ is [\d.]+ (kB|MB)\./,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 30_000);

  it("exits with status 2 and the usage on a bad argument", async () => {
    const failure = await run(["--calls", "lots"]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain("--calls must be a whole number");
    expect(stderr).toContain("Usage: npm run seed");
  }, 30_000);
});
