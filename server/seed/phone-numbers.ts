/**
 * Vietnamese mobile carriers, the prefixes of their numbers and what an outbound minute to them
 * costs the tenant. A customer's `provider` is always the carrier of its number's prefix.
 */
import { type Random, weightedTable } from "./random.ts";

export type Provider =
  | "viettel"
  | "mobifone"
  | "vinaphone"
  | "vietnamobile"
  | "gmobile"
  | "itelecom";

export type Carrier = {
  provider: Provider;
  /** Share of subscribers, roughly the market's. */
  share: number;
  /** Ten-digit numbers: the prefix (with its leading 0) then seven digits. */
  prefixes: readonly string[];
  /** VND per started minute of an outbound call, as a trunk contract would bill it. */
  pricePerMinute: number;
};

export const CARRIERS: readonly Carrier[] = [
  {
    provider: "viettel",
    share: 0.51,
    prefixes: ["086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"],
    pricePerMinute: 1_100,
  },
  {
    provider: "vinaphone",
    share: 0.22,
    prefixes: ["088", "091", "094", "081", "082", "083", "084", "085"],
    pricePerMinute: 1_150,
  },
  {
    provider: "mobifone",
    share: 0.21,
    prefixes: ["089", "090", "093", "070", "076", "077", "078", "079"],
    pricePerMinute: 1_150,
  },
  { provider: "vietnamobile", share: 0.04, prefixes: ["092", "056", "058"], pricePerMinute: 1_250 },
  { provider: "gmobile", share: 0.01, prefixes: ["099", "059"], pricePerMinute: 1_300 },
  { provider: "itelecom", share: 0.01, prefixes: ["087"], pricePerMinute: 1_200 },
];

const carrierTable = weightedTable(CARRIERS.map((carrier) => [carrier, carrier.share] as const));
const carrierByProvider = new Map(CARRIERS.map((carrier) => [carrier.provider, carrier]));

export type MobileNumber = { phoneNumber: string; provider: Provider };

export function randomMobileNumber(random: Random): MobileNumber {
  const carrier = random.weighted(carrierTable);
  const subscriber = String(random.int(0, 9_999_999)).padStart(7, "0");
  return { phoneNumber: random.pick(carrier.prefixes) + subscriber, provider: carrier.provider };
}

/** The tenant's charge for an outbound call: every started minute, at the carrier's rate. */
export function outboundPrice(provider: Provider, billedSeconds: number): number {
  if (billedSeconds <= 0) return 0;
  const carrier = carrierByProvider.get(provider);
  if (!carrier) throw new Error(`Unknown provider ${provider}`);
  return Math.ceil(billedSeconds / 60) * carrier.pricePerMinute;
}
