/**
 * The list endpoint, given any query string a client (or an attacker) could send: known
 * parameters with odd values, unknown and repeated ones, the vendor's `x[]=`, huge numbers,
 * any Unicode, FTS5 and LIKE syntax, broken percent-encoding. It answers 200 with a valid
 * envelope or 400 naming the parameters at fault; never a 5xx.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { knownCalls } from "../test/known-calls.ts";
import { isErrorEnvelope, type RobustApp, startRobustApp } from "./robust-app.ts";

const KNOWN_KEYS = [
  "page",
  "size",
  "from_date",
  "to_date",
  "direction",
  "status",
  "sip_user",
  "sip_number",
  "provider",
  "tag",
  "hangup_cause",
  "keyword",
  "min_duration",
  "max_duration",
  "has_recording",
  "is_auto_call",
  "out_of_working_time",
  "transferred",
  "sort",
];

/** Values that have broken query parsers, SQL builders and full-text queries before. */
const EDGE_VALUES = [
  "",
  "0",
  "-1",
  "1.5",
  "1e309",
  "0x10",
  " 7",
  "NaN",
  "Infinity",
  String(Number.MAX_SAFE_INTEGER),
  String(Number.MAX_SAFE_INTEGER + 2),
  "99999999999999999999999999999999",
  "true",
  "TRUE",
  "inbound",
  "missed",
  "-duration",
  "--duration",
  '"',
  '""',
  "*",
  "a*",
  "NEAR(",
  "NEAR(tam dinh, 2)",
  "tam AND",
  "OR",
  "-",
  "-tam",
  "^tam",
  "col:tam",
  "%",
  "_",
  "%_%",
  "\\",
  "'; DROP TABLE calls; --",
  "\u0000",
  "\u202e",
  "😀",
  "Đình Tâm",
  "x".repeat(300),
  "9".repeat(5000),
];

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_KEYS).map((name) => `${name}[]`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "x[]",
      "a[b]",
      "page[0]",
      "",
      "toString",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
);

const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** How a pair is written: properly encoded, or as a careless client would. */
const writtenPair = fc
  .tuple(key, value, fc.constantFrom("encoded", "raw", "broken", "bare"))
  .map(([name, text, style]) => {
    switch (style) {
      case "encoded":
        return `${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
      case "raw":
        // Unencoded, except what would end the query string or the URL.
        return `${name.replace(/[#&\s]/g, "")}=${text.replace(/[#&\s]/g, "")}`;
      case "broken":
        // Percent signs that start no valid escape, or escape invalid UTF-8.
        return `${encodeURIComponent(name)}=${encodeURIComponent(text)}%${text.length % 2 ? "zz" : "E0%A4%A"}`;
      default:
        return encodeURIComponent(name);
    }
  });

const queryString = fc.array(writtenPair, { maxLength: 8 }).map((pairs) => pairs.join("&"));

let robust: RobustApp;

beforeAll(async () => {
  robust = await startRobustApp();
});

afterAll(async () => {
  await robust.close();
});

describe("GET /api/call_transaction/list with any query string", () => {
  it("answers 200 with a valid page or 400 naming the parameters, never a 5xx", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const response = await robust.inject({
          method: "GET",
          url: `/api/call_transaction/list?${query}`,
        });
        statuses.add(response.statusCode);
        expect([200, 400], response.body).toContain(response.statusCode);
        const body = response.json();
        if (response.statusCode === 200) {
          const envelope = callListEnvelopeSchema.parse(body);
          expect(envelope.payload.total_items).toBeLessThanOrEqual(knownCalls.length);
          expect(envelope.payload.items.length).toBeLessThanOrEqual(envelope.payload.page_size);
        } else {
          expect(isErrorEnvelope(body), response.body).toBe(true);
          expect(body.errors.length, response.body).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches both answers; a property that only ever saw 400s would prove little.
    expect([...statuses].sort()).toEqual([200, 400]);
  });

  it("answers a keyword of FTS5 and LIKE syntax with a page, not an error", async () => {
    const specials = fc
      .array(fc.constantFrom('"', "*", "NEAR(", "-", "%", "_", "(", ")", ":", "^", "+", " ", "'"), {
        minLength: 1,
        maxLength: 10,
      })
      .map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(specials, fc.constantFrom("", "tam", "0983"), async (noise, word) => {
        const keyword = `${noise}${word}`;
        const response = await robust.inject({
          method: "GET",
          url: `/api/call_transaction/list?keyword=${encodeURIComponent(keyword)}`,
        });
        // Well within the keyword's length limit and free of control characters: a valid query.
        expect(response.statusCode, response.body).toBe(200);
        callListEnvelopeSchema.parse(response.json());
      }),
      { numRuns: 150 },
    );
  });
});
