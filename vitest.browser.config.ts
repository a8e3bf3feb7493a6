import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Browser tests: Debian's Chromium (through playwright-core) against the real dashboard server
 * on a real SQLite file. `npm run test:browser` builds the SPA first.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    name: "browser",
    environment: "node",
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One Chromium and one server at a time fits two cores.
    fileParallelism: false,
  },
});
