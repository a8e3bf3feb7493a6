/**
 * `npx tsx bench/medians.ts [N]`: the median of each issue-7 figure over the newest N bench
 * results in bench/results/ (3 by default), judged against its target again, since one run on a
 * shared 2-core machine can land on a noisy moment. The README's table comes from this.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Figure } from "./targets.ts";

const RESULTS = "bench/results";
const wanted = Number(process.argv[2] ?? "3");

const files = readdirSync(RESULTS)
  .filter((name) => /^\d{4}-\d{2}-\d{2}T.*\.json$/.test(name))
  .sort()
  .slice(-wanted);
if (files.length < wanted) throw new Error(`only ${files.length} bench results in ${RESULTS}`);

const runs = files.map(
  (name) => JSON.parse(readFileSync(join(RESULTS, name), "utf8")) as { targets: Figure[] },
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 100) / 100;
}

/** "≤ 25 ms" → 25; targets without a limit (information only) → undefined. */
function limitOf(target: string): number | undefined {
  const match = /^≤ ([\d.]+)/.exec(target);
  return match ? Number(match[1]) : undefined;
}

// Figures are matched by name; the heap figure's name carries its values, so by its prefix.
const keyOf = (figure: string) => figure.replace(/:.*\(0\/100\/200 pages\)$/, "");

const names = runs[0]!.targets.map((figure) => keyOf(figure.figure));
const rows = names.map((name) => {
  const figures = runs.flatMap((run) =>
    run.targets.filter((figure) => keyOf(figure.figure) === name),
  );
  const first = figures[0]!;
  const value = median(figures.map((figure) => figure.value));
  const limit = limitOf(first.target);
  const judged =
    first.result === "info"
      ? "info"
      : name.startsWith("JS heap")
        ? figures.filter((figure) => figure.result === "pass").length * 2 > figures.length
          ? "pass"
          : "miss"
        : limit !== undefined && value <= limit
          ? "pass"
          : "miss";
  return {
    figure: name,
    [`median of ${figures.length}`]: `${value} ${first.unit}`.trim(),
    runs: figures.map((figure) => figure.value).join(" / "),
    target: first.target,
    result: judged,
  };
});

console.log(`Medians of ${files.length} bench runs (${files[0]} … ${files.at(-1)}):`);
console.table(rows);
