/**
 * The HTTP Range request header (RFC 9110 §14.1-14.2) for one representation of `size` bytes,
 * reduced to what a media server needs: serve it all, serve one range, or answer 416.
 *
 * Choices, all allowed by the RFC:
 * - Only the `bytes` unit; any other unit is ignored (§14.2: an origin MUST ignore units it does
 *   not understand).
 * - A syntactically invalid header (garbage, a range whose last-pos is below its first-pos, an
 *   empty set) is ignored, as `send`/Express and nginx do; the whole file follows.
 * - More than one range is ignored too, so the whole file follows with 200: no multipart/
 *   byteranges. Media elements never ask for several ranges, and answering only the first
 *   would hand a client something other than what it asked for; a full 200 is always valid.
 * - A last-pos at or beyond the end is clamped to the end; a suffix longer than the file means
 *   the whole file; `bytes=-0` and a first-pos at or beyond the end are unsatisfiable (416).
 */

export type RangeRequest =
  | { kind: "none" }
  | { kind: "satisfiable"; start: number; end: number }
  | { kind: "unsatisfiable" };

const NONE: RangeRequest = { kind: "none" };
const UNSATISFIABLE: RangeRequest = { kind: "unsatisfiable" };

/** `first-pos "-" [last-pos]` or `"-" suffix-length`, digits only (no sign, no spaces). */
const RANGE_SPEC = /^(\d*)-(\d*)$/;
/** The range unit is a case-insensitive token (§14.1). */
const RANGES_SPECIFIER = /^bytes=(.*)$/is;

export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return NONE;
  const specifier = RANGES_SPECIFIER.exec(header.trim());
  if (!specifier) return NONE;
  // A list (§5.6.1) tolerates spaces around commas and empty elements.
  const specs = (specifier[1] ?? "")
    .split(",")
    .map((element) => element.trim())
    .filter((element) => element !== "");
  if (specs.length !== 1) return NONE;
  const match = RANGE_SPEC.exec(specs[0] ?? "");
  if (!match) return NONE;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return NONE;

  if (first === "") {
    // A suffix: the last n bytes, all of them if the file is shorter.
    const suffixLength = Number(last);
    if (suffixLength === 0 || size === 0) return UNSATISFIABLE;
    return { kind: "satisfiable", start: Math.max(0, size - suffixLength), end: size - 1 };
  }
  const start = Number(first);
  const requestedEnd = last === "" ? Number.POSITIVE_INFINITY : Number(last);
  if (requestedEnd < start) return NONE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: "satisfiable", start, end: Math.min(requestedEnd, size - 1) };
}

/** `Content-Range` of a 206 answer. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** `Content-Range` of a 416 answer: the size, so the client can ask again. */
export function unsatisfiedContentRange(size: number): string {
  return `bytes */${size}`;
}
