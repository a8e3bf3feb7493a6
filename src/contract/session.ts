/**
 * Sign-in and the signed-in user, as `/api/session` speaks them. Ours, not the vendor's: the
 * answers still come in the vendor-style envelope like every other route.
 */
import { z } from "zod";

export const USER_ROLES = ["supervisor", "agent"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Bounds that keep a sign-in request cheap to refuse (the password is hashed only within them). */
export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, "username is required").max(64, "username is too long"),
  password: z.string().min(1, "password is required").max(256, "password is too long"),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionUserSchema = z.looseObject({
  username: z.string(),
  display_name: z.string().nullable(),
  role: z.enum(USER_ROLES),
  tenant_id: z.string(),
  tenant_name: z.string().nullable(),
  /** An agent's extension; null for supervisors. */
  sip_user: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionEnvelopeSchema = z.looseObject({
  status_code: z.literal(9999),
  payload: z.looseObject({ user: sessionUserSchema }),
});
