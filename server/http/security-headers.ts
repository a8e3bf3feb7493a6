/**
 * Security headers on every answer (helmet). The SPA is only files from this origin: no inline
 * script may run, nothing may frame it, and media come from our own recordings route. Styles
 * allow 'unsafe-inline' because the waveform and chart libraries set style elements and
 * attributes at run time; styles cannot run code.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  workerSrc: ["'self'", "blob:"],
};

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // A phone number or call id in a URL must not travel to other sites.
    referrerPolicy: { policy: "same-origin" },
    // HSTS only means something over TLS; helmet sends it regardless, so it waits for a proxy.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    // The old header for what frame-ancestors 'none' says, for browsers that predate CSP 2.
    frameguard: { action: "deny" },
  });
}
