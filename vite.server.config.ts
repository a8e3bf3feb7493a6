import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The dashboard server built for `npm start`: plain JavaScript for Node, its dependencies left
 * to node_modules. Running the TypeScript through tsx in production cost ~80 MB of resident
 * memory (the loader's own thread and its transpiled sources) and ~0.6 s of start-up, measured
 * on a million-call store; tsx stays for the command-line tools and tests.
 *
 * Not minified, so a stack trace in the log reads as the code. Node runs it without
 * --enable-source-maps: mapping stacks cost so much under load that 100 connections asking for
 * recordings saw 11 requests time out after 10 s (none without it; measured with autocannon).
 *
 * The seeder's worker thread is an entry of its own (server/seed/seed-demo-calls.ts starts
 * ./seed-worker.js beside the chunk that holds it), so every file lands in one folder.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  publicDir: false,
  build: {
    ssr: true,
    target: "node20",
    outDir: "dist-server",
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: "server/main.ts", "seed-worker": "server/seed/seed-worker.ts" },
      output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    },
  },
});
