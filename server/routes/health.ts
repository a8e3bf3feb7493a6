/** `GET /api/health`: the process answers and the store can be read. */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { sendApiError } from "../http/envelope.ts";
import type { Store } from "../store/open-store.ts";

export async function healthRoutes(app: FastifyInstance, options: { store: Store }) {
  app.get("/api/health", async (request, reply) => {
    try {
      await sql`select 1`.execute(options.store.db);
      return reply.header("cache-control", "no-store").send({ status: "ok", store: "ok" });
    } catch (error) {
      request.log.error({ err: error }, "store health check failed");
      return sendApiError(reply, 503, "store_unavailable");
    }
  });
}
