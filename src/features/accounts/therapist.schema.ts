import {
  type AnyPgColumn,
  bigint,
  boolean,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** A therapist of the practice. The demo therapist has no email and cannot sign in. */
export const therapists = pgTable("therapists", {
  id: uuid("id").primaryKey().defaultRandom(),
  displayName: text("display_name").notNull(),
  timeZone: text("time_zone").notNull(),
  /** Stored lower-case, so sign-in does not depend on how someone types it. */
  email: text("email").unique(),
  /** scrypt, with its parameters in the string (see password-hash.ts). */
  passwordHash: text("password_hash"),
  /** The first therapist owns the practice: invites therapists, removes demo data, reads the audit log. */
  isOwner: boolean("is_owner").notNull().default(false),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  /** Growing back-off after failed sign-ins: no attempt is checked before this time. */
  signInBlockedUntil: timestamp("sign_in_blocked_until", { withTimezone: true }),
  /** The authenticator app's shared secret, encrypted (therapists:totp_secret_encrypted:<id>). */
  totpSecretEncrypted: text("totp_secret_encrypted"),
  /** Set once a code from the app has been checked: until then the account can only enrol. */
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** The last 30-second step whose code was used, so no code works twice. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  isDemo: boolean("is_demo").notNull().default(false),
  /** One neutral email, at most an hour apart, when something in Haven needs them (off by default). */
  notifyByEmail: boolean("notify_by_email").notNull().default(false),
  notificationEmailSentAt: timestamp("notification_email_sent_at", { withTimezone: true }),
  /**
   * Set by the owner while this therapist is away: the colleague who covers. The cover sees this
   * therapist's safety alerts (who, what kind, when) on their own home and may mark them seen.
   */
  coverTherapistId: uuid("cover_therapist_id").references((): AnyPgColumn => therapists.id, {
    onDelete: "set null",
  }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
