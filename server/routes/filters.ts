/** `GET /api/filters`: the values the SPA's filter controls offer. */
import type { FastifyInstance } from "fastify";
import { viewerOf } from "../auth/authentication.ts";
import { successEnvelope } from "../http/envelope.ts";
import { readFilterOptions } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";

export async function filterRoutes(app: FastifyInstance, options: { store: Store }) {
  app.get("/api/filters", async (request, reply) => {
    const payload = await readFilterOptions(options.store.db, viewerOf(request).tenantId);
    // Options change only as calls arrive; a minute of staleness is invisible to supervisors.
    return reply.header("cache-control", "private, max-age=60").send(successEnvelope({ payload }));
  });
}
