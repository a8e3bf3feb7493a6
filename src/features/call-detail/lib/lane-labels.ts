/** What a lane is called: its step ("Ring group") and whom it rang ("Nguyễn Văn A · 101"). */
import { formatPhoneNumber } from "@/lib/format.ts";
import type { Language } from "@/lib/i18n/preferences.tsx";
import { callDetailMessages } from "../messages.ts";
import { describeTarget } from "./call-summary.ts";
import type { LegLane } from "./leg-lanes.ts";
import { type Directory, parseLegTarget } from "./people.ts";

export type LaneLabel = {
  /** "1 · Ring group" */
  step: string;
  /** Short, for the axis: "Nguyễn Văn A · 101", "Group 77019", "0983 223 566". */
  target: string;
  /** In a sentence: "Nguyễn Văn A (ext 101)". */
  spoken: string;
};

export function labelLanes(
  lanes: readonly LegLane[],
  directory: Directory,
  language: Language,
): Map<string, LaneLabel> {
  const messages = callDetailMessages[language];
  const { timeline } = messages;
  return new Map(
    lanes.map((lane) => {
      const target = parseLegTarget(lane.leg.to, directory);
      const type = timeline.legTypes[lane.leg.type] ?? lane.leg.type;
      let short: string;
      switch (target.kind) {
        case "agent":
          short = target.name
            ? `${target.name} · ${target.extension}`
            : timeline.extension(target.extension);
          break;
        case "voicemail":
          short = timeline.voicemailTarget(target.group);
          break;
        case "number":
          short = formatPhoneNumber(target.number);
          break;
        case "other":
          short = target.value ?? timeline.noTarget;
          break;
      }
      return [
        lane.key,
        {
          step: `${lane.leg.index} · ${type}`,
          target: short,
          spoken: describeTarget(target, messages.summary),
        },
      ];
    }),
  );
}
