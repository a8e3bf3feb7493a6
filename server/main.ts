/**
 * `npm start`: opens the call store (creating and filling it with demo calls on first start),
 * then serves the SPA, the call API and recordings.
 */
import { fileURLToPath } from "node:url";
import pino from "pino";
import { buildApp } from "./app.ts";
import { DEMO_AGENT, DEMO_SUPERVISOR, ensureDemoUsers, holdsDemoCalls } from "./auth/demo-users.ts";
import { pruneSessions } from "./auth/sessions.ts";
import { readConfig } from "./config.ts";
import { createOmicallConnector } from "./connector/connector.ts";
import { seedDemoCalls } from "./seed/seed-demo-calls.ts";
import { openStore } from "./store/open-store.ts";

const config = readConfig();
const logger = pino({ level: config.LOG_LEVEL });
const store = await openStore(config.DATABASE_URL);

const connector = createOmicallConnector({ store, logger });

const existing = store.sqlite.prepare("SELECT EXISTS (SELECT 1 FROM calls) AS any").get() as {
  any: number;
};
// A tenant connected to OMICall starts with its own calls, never demo calls mixed in.
if (existing.any === 0 && config.SEED_CALLS > 0 && !connector.config) {
  logger.info(
    { calls: config.SEED_CALLS, database: store.path },
    "empty call store: creating demo calls",
  );
  const seeded = await seedDemoCalls(store, { calls: config.SEED_CALLS });
  logger.info({ calls: seeded.calls, milliseconds: seeded.milliseconds }, "demo calls created");
}

const demoSignIn = (await holdsDemoCalls(store))
  ? await ensureDemoUsers(store, config.DEMO_PASSWORD)
  : null;
await pruneSessions(store);

const app = await buildApp({
  store,
  spaDirectory: fileURLToPath(new URL("../dist", import.meta.url)),
  logger,
  connector,
  signInAttemptsPerMinute: config.SIGN_IN_ATTEMPTS_PER_MINUTE,
  trustProxy: config.TRUST_PROXY,
});

const shutdown = async (signal: string) => {
  logger.info({ signal }, "shutting down");
  await app.close();
  await connector.stop();
  await store.close();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
if (process.env.STOP_WHEN_STDIN_CLOSES === "1") {
  // Test harnesses start the server with a pipe on stdin: if the harness dies, so does the server.
  process.stdin.on("end", () => void shutdown("stdin closed"));
  process.stdin.resume();
}

const address = await app.listen({ port: config.PORT, host: config.HOST });
const shownAddress = address.replace("://127.0.0.1", "://localhost");
logger.info({ database: store.path }, `dashboard ready at ${shownAddress}`);
// The one line a person starting the server looks for, whatever the log format.
console.log(`\n  Call-history dashboard: ${shownAddress}`);
if (demoSignIn?.password) {
  console.log(`  Sign in as ${DEMO_SUPERVISOR} / ${demoSignIn.password}`);
  if (demoSignIn.agentExtension) {
    console.log(
      `  (or ${DEMO_AGENT} / the same password: only extension ${demoSignIn.agentExtension}'s calls)`,
    );
  }
} else if (demoSignIn) {
  console.log(
    `  Sign in as ${DEMO_SUPERVISOR} (npm run user -- passwd ${DEMO_SUPERVISOR} sets a new password)`,
  );
} else {
  console.log("  Users: npm run user -- add <username> --tenant <tenant id>");
}
console.log("");
