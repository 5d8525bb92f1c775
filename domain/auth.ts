import { z } from "zod";
import { Id } from "./common.js";
import { Role, StaffRole } from "./roles.js";

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "letmein123",
  "welcome123",
  "iloveyou123",
  "administrator",
  "changeme123",
]);

/**
 * Password policy (NIST SP 800-63B style): length over composition rules. At least 10
 * characters, at most 256, not a well-known password; checked against the email by the service.
 */
export const Password = z
  .string()
  .min(10, { message: "Use at least 10 characters", abort: true })
  .max(256, { message: "Use at most 256 characters", abort: true })
  .refine((p) => p.trim().length >= 10, { message: "Use at least 10 non-space characters" })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), { message: "This password is too common" });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Not an email address" }));
export const PersonName = z.string().trim().min(1).max(120);

/** Body of `POST /api/v1/setup`. */
export const SetupBody = z.object({
  organizationName: z.string().trim().min(1).max(200),
  name: PersonName,
  email: Email,
  password: Password,
});

/** Body of `POST /api/v1/auth/login`. Deliberately lax: a wrong shape is just a failed sign-in. */
export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
});

/** Body of `POST /api/v1/me/password`. */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: Password,
});

export const Organization = z.object({ id: Id, name: z.string(), createdAt: z.string() });

/** The signed-in identity, `GET /api/v1/me`. */
export const Me = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), role: Role, partnerId: Id.nullable() }),
  organization: Organization,
  via: z.enum(["session", "token"]),
  abilities: z.record(z.string(), z.record(z.string(), z.boolean())),
  /** Limits of this installation the web app checks before sending. */
  limits: z.object({ documentMaxBytes: z.number().int() }).optional(),
});
export type Me = z.infer<typeof Me>;

/** `GET /api/v1/setup` tells the web app whether to show onboarding. */
export const SetupStatus = z.object({ needsSetup: z.boolean() });

// ── Users ────────────────────────────────────────────────────────────────────
export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  partnerId: Id.nullable(),
  /** The partner a portal user answers for (null for staff). */
  partner: z.object({ id: Id, name: z.string() }).nullable(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

/**
 * `POST /api/v1/users`: a staff user, or a partner (portal) user scoped to `partnerId`. Creating a
 * partner user directly (with a password) is for installations without a mail server; otherwise
 * invite them (`POST /api/v1/invitations`).
 */
export const CreateUser = z.discriminatedUnion("role", [
  z.object({ name: PersonName, email: Email, role: StaffRole, password: Password }).strict(),
  z
    .object({ name: PersonName, email: Email, role: z.literal("partner"), partnerId: Id, password: Password })
    .strict(),
]);
export type CreateUser = z.infer<typeof CreateUser>;
export const UpdateUser = z
  .object({ name: PersonName, role: StaffRole, active: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const ListUsersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  active: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

// ── API tokens ───────────────────────────────────────────────────────────────
export const CreateApiToken = z.object({
  name: z.string().trim().min(1).max(100),
  role: StaffRole,
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  role: StaffRole,
  prefix: z.string(),
  createdBy: z.object({ id: Id, name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string().describe("Shown once; store it now") });
