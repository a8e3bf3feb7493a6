import { describe, expect, it } from "vitest";
import { contentRange, parseRangeHeader, unsatisfiedContentRange } from "./http-range.ts";

const SIZE = 1000;
const none = { kind: "none" };
const unsatisfiable = { kind: "unsatisfiable" };
const range = (start: number, end: number) => ({ kind: "satisfiable", start, end });

describe("parseRangeHeader", () => {
  it.each([
    ["bytes=0-499", range(0, 499)],
    ["bytes=500-999", range(500, 999)],
    ["bytes=0-0", range(0, 0)],
    ["bytes=999-999", range(999, 999)],
    // Open-ended: to the end.
    ["bytes=500-", range(500, 999)],
    ["bytes=0-", range(0, 999)],
    // A last-pos beyond the end is clamped to the end.
    ["bytes=900-5000", range(900, 999)],
    ["bytes=0-99999999999999999999999", range(0, 999)],
    // Suffix: the last n bytes; longer than the file means all of it.
    ["bytes=-1", range(999, 999)],
    ["bytes=-100", range(900, 999)],
    ["bytes=-1000", range(0, 999)],
    ["bytes=-5000", range(0, 999)],
    // The unit is case-insensitive; list syntax allows spaces and empty elements.
    ["Bytes=1-2", range(1, 2)],
    ["BYTES=1-2", range(1, 2)],
    ["bytes= 1-2 ", range(1, 2)],
    ["bytes=1-2,", range(1, 2)],
    [" bytes=1-2", range(1, 2)],
    ["bytes=007-010", range(7, 10)],
  ])("%s → satisfiable", (header, expected) => {
    expect(parseRangeHeader(header, SIZE)).toEqual(expected);
  });

  it.each([
    ["bytes=1000-", "first-pos at the end"],
    ["bytes=1000-1001", "first-pos at the end, with last-pos"],
    ["bytes=5000-6000", "wholly beyond the end"],
    ["bytes=99999999999999999999999-", "a first-pos too large for a number"],
    ["bytes=-0", "an empty suffix"],
  ])("%s → unsatisfiable (%s)", (header, _reason) => {
    expect(parseRangeHeader(header, SIZE)).toEqual(unsatisfiable);
  });

  it("finds nothing satisfiable in an empty representation", () => {
    expect(parseRangeHeader("bytes=0-", 0)).toEqual(unsatisfiable);
    expect(parseRangeHeader("bytes=-10", 0)).toEqual(unsatisfiable);
  });

  it.each([
    [undefined, "no header"],
    ["", "empty"],
    ["bytes=", "no range"],
    ["bytes=-", "neither position"],
    ["bytes=5-2", "last-pos below first-pos (invalid, so ignored)"],
    ["bytes=abc", "garbage"],
    ["bytes=1-2-3", "garbage"],
    ["bytes=+1-2", "a sign"],
    ["bytes=1.5-2", "a fraction"],
    ["bytes=1 -2", "a space inside the range"],
    ["bytes 1-2", "no ="],
    ["bytes =1-2", "a space before ="],
    ["items=0-10", "a unit we do not serve"],
    ["0-10", "no unit"],
    ["bytes=0-1,5-6", "two ranges: the whole file is sent instead"],
    ["bytes=0-1, -5", "a range and a suffix"],
    ["bytes=2000-3000,0-1", "several ranges, even if only one is satisfiable"],
    ["bytes=0-1,x", "a valid range beside garbage"],
  ])("%s → none (%s)", (header, _reason) => {
    expect(parseRangeHeader(header, SIZE)).toEqual(none);
  });
});

describe("Content-Range values", () => {
  it("formats satisfied and unsatisfied ranges", () => {
    expect(contentRange(0, 499, 1000)).toBe("bytes 0-499/1000");
    expect(unsatisfiedContentRange(1000)).toBe("bytes */1000");
  });
});
