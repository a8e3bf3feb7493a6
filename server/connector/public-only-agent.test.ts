import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { describe, expect, it } from "vitest";
import { isNonPublicAddressError, isPublicAddress, publicOnlyLookup } from "./public-only-agent.ts";

/** A resolver giving these answers, one per call (the last one again when they run out). */
function resolverAnswering(...answers: LookupAddress[][]): LookupFunction {
  let call = 0;
  return (_hostname, _options, callback) => {
    const answer = answers[Math.min(call, answers.length - 1)] ?? [];
    call += 1;
    callback(null, answer);
  };
}

function lookUp(
  lookup: LookupFunction,
  all: boolean,
): Promise<{ error: unknown; address: string | LookupAddress[]; family?: number | undefined }> {
  return new Promise((resolve) => {
    lookup("recordings.example.com", { all }, (error, address, family) =>
      resolve({ error, address, family }),
    );
  });
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

describe("isPublicAddress", () => {
  it("takes public unicast addresses", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700::1111", "2a00::1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("refuses loopback, private, link-local, CGNAT, special and IPv6 local addresses", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.255.254",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "100.127.255.255",
      "0.0.0.0",
      "0.1.2.3",
      "224.0.0.1",
      "239.255.255.250",
      "255.255.255.255",
      "192.0.2.1",
      "198.18.0.1",
      "240.0.0.1",
      "::",
      "::1",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "fe80::1%eth0",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "::127.0.0.1",
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "2001:db8::1",
      "not an address",
      "localhost",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});

describe("publicOnlyLookup", () => {
  it("keeps the public addresses of an answer, in the shape asked for", async () => {
    const lookup = publicOnlyLookup(
      resolverAnswering([v4("127.0.0.1"), v4("93.184.215.14"), v6("::1"), v6("2606:4700::1111")]),
    );
    expect(await lookUp(lookup, true)).toMatchObject({
      error: null,
      address: [v4("93.184.215.14"), v6("2606:4700::1111")],
    });
    expect(await lookUp(lookup, false)).toMatchObject({
      error: null,
      address: "93.184.215.14",
      family: 4,
    });
  });

  it("fails a name with no public address", async () => {
    const lookup = publicOnlyLookup(resolverAnswering([v4("127.0.0.1"), v6("fd00::1")]));
    const { error } = await lookUp(lookup, false);
    expect(isNonPublicAddressError(error)).toBe(true);
    expect(isNonPublicAddressError(new TypeError("fetch failed", { cause: error }))).toBe(true);
    expect(isNonPublicAddressError(new TypeError("fetch failed"))).toBe(false);
  });

  it("checks each connection's own answer, so a rebinding name is refused when it turns private", async () => {
    const lookup = publicOnlyLookup(resolverAnswering([v4("93.184.215.14")], [v4("127.0.0.1")]));
    expect((await lookUp(lookup, false)).address).toBe("93.184.215.14");
    expect(isNonPublicAddressError((await lookUp(lookup, false)).error)).toBe(true);
  });

  it("passes the resolver's own failure on", async () => {
    const failure = Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    const lookup = publicOnlyLookup((_hostname, _options, callback) => callback(failure, ""));
    const { error } = await lookUp(lookup, true);
    expect(error).toBe(failure);
    expect(isNonPublicAddressError(error)).toBe(false);
  });
});
