/**
 * Connections to public addresses only, for URLs that arrive from outside (a vendor's record, a
 * webhook) and must not make our server reach its own network (server-side request forgery).
 *
 * The check is made on the address a socket connects to, not on the URL's text: hostnames are
 * resolved through a lookup that keeps public addresses only, and the socket connects to what
 * that lookup returned, so neither a name that resolves to 127.0.0.1 nor a DNS answer that
 * changes between a check and the connection (DNS rebinding) gets through. A literal address in
 * the URL, which Node connects to without a lookup, is checked before connecting. Each redirect
 * hop is a new request through the same agent, so it is checked the same way.
 *
 * Public: what ipaddr.js calls plain unicast, i.e. none of loopback, private (RFC 1918),
 * link-local, CGNAT (100.64/10), unspecified, multicast, broadcast, reserved and documentation
 * ranges, IPv6 unique-local (fc00::/7), NAT64, 6to4 or Teredo; an IPv4-mapped IPv6 address is
 * judged as the IPv4 address it maps; and IPv6 only within the global unicast space (2000::/3).
 */
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, buildConnector } from "undici";

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** Whether `address` (an IP address, not a name) is a public unicast one. */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || parsed.match(GLOBAL_UNICAST_V6);
}

/** A connection refused because the host's address (or all of them) is not public. */
export class NonPublicAddressError extends Error {
  readonly code = "ERR_NON_PUBLIC_ADDRESS";
  constructor(host: string) {
    super(`${host} has no public address`);
    this.name = "NonPublicAddressError";
  }
}

/** Whether `error`, or one of its causes (fetch wraps connection errors), is a refusal. */
export function isNonPublicAddressError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof NonPublicAddressError) return true;
    current = current.cause;
  }
  return false;
}

/** `resolve` with every non-public address dropped; none left: a NonPublicAddressError. */
export function publicOnlyLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, found, family) => {
      if (error) {
        callback(error, "");
        return;
      }
      const addresses = (
        Array.isArray(found) ? found : [{ address: found, family: family ?? isIP(found) }]
      ).filter((entry) => isPublicAddress(entry.address));
      const first = addresses[0];
      if (!first) callback(new NonPublicAddressError(hostname), "");
      else if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function publicOnlyConnector(resolve: LookupFunction): buildConnector.connector {
  const connect = buildConnector({ lookup: publicOnlyLookup(resolve) });
  return (options, callback) => {
    // undici gives an IPv6 literal without its brackets.
    if (isIP(options.hostname) !== 0 && !isPublicAddress(options.hostname)) {
      callback(new NonPublicAddressError(options.hostname), null);
      return;
    }
    connect(options, callback);
  };
}

const agents = new WeakMap<LookupFunction, Agent>();

/**
 * An undici Agent (for fetch's `dispatcher`) whose sockets go to public addresses only, names
 * resolved with `resolve` (dns.lookup unless a test gives its own). One agent per resolver, so
 * kept-alive connections are reused.
 */
export function publicOnlyAgent(resolve: LookupFunction = dns.lookup): Agent {
  let agent = agents.get(resolve);
  if (!agent) {
    agent = new Agent({ connect: publicOnlyConnector(resolve) });
    agents.set(resolve, agent);
  }
  return agent;
}
