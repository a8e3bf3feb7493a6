import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const srcDirectory = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { "@": srcDirectory } },
  server: {
    // `npm run dev`: Vite serves the SPA and forwards the API to the dashboard server.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
  build: { outDir: "dist", sourcemap: true },
  test: {
    globals: true,
    // Times are Asia/Ho_Chi_Minh for supervisors; tests must not depend on the machine's zone.
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: [
            "server/**/*.test.ts",
            "src/contract/**/*.test.ts",
            "src/lib/**/*.test.ts",
            // Builds the SPA for production and measures the first screen (issue 7's budget).
            "tests/bundle/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["src/**/*.test.tsx"],
          setupFiles: ["./src/test/setup-dom.ts"],
        },
      },
    ],
  },
});
