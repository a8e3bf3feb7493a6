/**
 * Starts the real dashboard server as `npm start` runs it (the build in dist-server/, see
 * vite.server.config.ts) on a free port over a fresh SQLite file filled with demo calls, for
 * browser tests and the benchmarks. `npm run build` makes it; the scripts that use this do.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * As `npm start` runs the server: a 256 MB heap limit makes V8 collect before the heap grows
 * (with 24 GB free it would let a CSV export's garbage lift the process to ~380 MB; with the
 * limit it peaks at ~290 MB, and the live heap stays far below it).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256"];

const SERVER_ENTRY = "dist-server/main.js";
const OUTPUT_KEPT = 64 * 1024;

/** The demo users' password on servers started here (DEMO_PASSWORD). */
export const TEST_DEMO_PASSWORD = "browser-test-password";

export type RunningServer = {
  url: string;
  /** The demo supervisor's sign-in (see server/auth/demo-users.ts). */
  supervisor: { username: string; password: string };
  pid: number;
  databasePath: string;
  stop: () => Promise<void>;
};

export async function startDashboardServer(
  options: {
    seedCalls?: number;
    /** An existing store to serve (kept at stop); by default a fresh one in a temporary folder. */
    databasePath?: string;
  } = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);
  }
  const directory = options.databasePath
    ? undefined
    : mkdtempSync(join(tmpdir(), "dashboard-e2e-"));
  const databasePath = options.databasePath ?? join(directory!, "calls.db");
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databasePath,
      SEED_CALLS: String(options.seedCalls ?? 5000),
      LOG_LEVEL: "warn",
      STOP_WHEN_STDIN_CLOSES: "1",
      DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      // The tail is enough to say why a server failed; all of a long run's log would pile up.
      output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
      const match = /Call-history dashboard: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    supervisor: { username: "supervisor", password: TEST_DEMO_PASSWORD },
    pid: child.pid!,
    databasePath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
