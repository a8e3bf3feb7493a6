/**
 * `GET /api/filters`: the values the filter controls offer, so the SPA hard-codes none.
 * Built from the calls in the store (and labels the store knows, such as tag names).
 */
import { z } from "zod";

export const filterOptionSchema = z.object({
  value: z.string(),
  /** A human name where the store knows one (agent name, tag name), else null. */
  label: z.string().nullable(),
});
export type FilterOption = z.infer<typeof filterOptionSchema>;

export const filterOptionsSchema = z.object({
  /** value: the agent's extension (sip_user); label: the agent's name. */
  agents: z.array(filterOptionSchema),
  /** value: the hotline number (sip_number). */
  hotlines: z.array(filterOptionSchema),
  /** value: the tag id; label: its name. */
  tags: z.array(filterOptionSchema),
  providers: z.array(filterOptionSchema),
  hangup_causes: z.array(filterOptionSchema),
});
export type FilterOptions = z.infer<typeof filterOptionsSchema>;

export const filterOptionsEnvelopeSchema = z.looseObject({
  instance_id: z.string(),
  instance_version: z.string(),
  key_enabled: z.boolean(),
  status_code: z.literal(9999),
  payload: filterOptionsSchema,
});
