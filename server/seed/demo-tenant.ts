/**
 * The demo tenant: a fictitious Vietnamese home-appliance retailer whose contact center the
 * seeded calls belong to. The server recognises its calls by DEMO_TENANT_ID and synthesizes
 * their recordings (from transaction_id and record_seconds) instead of fetching the URLs below,
 * which point at a reserved, never-resolving domain on purpose.
 */
import { vietnamLocalTime } from "./vietnam-calendar.ts";

/** A MongoDB-ObjectId-shaped id like the vendor's tenant ids. */
export const DEMO_TENANT_ID = "64f1c2a97b3e5d0012a8e4c7";
export const DEMO_TENANT_NAME = "Điện máy Sao Mai";
/** The tenant's PBX domain (`domain_fusion`). */
export const DEMO_DOMAIN = "saomaidemo";
/** Agents' e-mail domain; `.example` is reserved, so no real mailbox can be reached. */
export const DEMO_EMAIL_DOMAIN = "saomai.example";
/** `.invalid` is reserved: nothing ever tries to download a demo recording from it. */
export const DEMO_RECORDINGS_ORIGIN = "https://recordings.demo.invalid";

export function demoRecordingFile(transactionId: string): string {
  return `${transactionId}.wav`;
}

/** Filed by the call's local (Vietnam) start date, as a recording store would. */
export function demoRecordingUrl(transactionId: string, startedAtSeconds: number): string {
  const { year, month, day } = vietnamLocalTime(startedAtSeconds);
  const mm = String(month).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  return `${DEMO_RECORDINGS_ORIGIN}/${year}/${mm}/${dd}/${demoRecordingFile(transactionId)}`;
}
