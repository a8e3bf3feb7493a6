/**
 * The bench's HTTP client: GETs over a kept-alive connection with node:http, reading the
 * server's own `Server-Timing` (server/http/server-timing.ts) beside the round trip. node:http
 * rather than fetch because the bench times the server: undici's fetch adds 0.3–0.6 ms of its
 * own per request on this machine (measured on the unfiltered list page), which no browser pays
 * (the browser half of the bench times Chromium's own fetch).
 */
import { Agent, request } from "node:http";

export type TimedAnswer = {
  milliseconds: number;
  status: number;
  bytes: number;
  /** The Server-Timing parts by name (`app`, `db`), in milliseconds. */
  serverTiming: Record<string, number>;
};

function parseServerTiming(header: string | string[] | undefined): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of [header ?? []].flat().join(",").split(",")) {
    const [name, ...parameters] = part.trim().split(";");
    const duration = parameters.find((parameter) => parameter.trim().startsWith("dur="));
    if (name && duration) parts[name] = Number(duration.trim().slice(4));
  }
  return parts;
}

export function keepAliveClient(baseUrl: string, cookie: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(baseUrl);
  return {
    get(path: string, headers: Record<string, string> = {}): Promise<TimedAnswer> {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const outgoing = request(
          { hostname, port, path, agent, headers: { ...headers, cookie } },
          (response) => {
            let bytes = 0;
            response.on("data", (chunk: Buffer) => {
              bytes += chunk.length;
            });
            response.once("error", reject);
            response.once("end", () => {
              const status = response.statusCode ?? 0;
              if (status >= 400) {
                reject(new Error(`${path}: HTTP ${status}`));
                return;
              }
              resolve({
                milliseconds: performance.now() - started,
                status,
                bytes,
                serverTiming: parseServerTiming(response.headers["server-timing"]),
              });
            });
          },
        );
        outgoing.once("error", reject);
        outgoing.end();
      });
    },
    close: () => agent.destroy(),
  };
}
