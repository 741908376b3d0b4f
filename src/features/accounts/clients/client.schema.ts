import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bookings } from "../../booking/booking.schema.ts";
import { therapists } from "../therapist.schema.ts";

/** Two clients seen together. Each partner keeps their own account, private space and sign-ins. */
export const couples = pgTable("couples", {
  id: uuid("id").primaryKey().defaultRandom(),
  therapistId: uuid("therapist_id")
    .notNull()
    .references(() => therapists.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  isDemo: boolean("is_demo").notNull().default(false),
  /**
   * Joint work (sharing with the partner, and later the repair space) opens only when the therapist
   * has seen and screened each partner privately and chosen to open it (DOMAIN.md §4). Null: closed,
   * the state of every couple until then. Closing clears it again.
   */
  jointWorkOpenedAt: timestamp("joint_work_opened_at", { withTimezone: true }),
  /** The first opening, kept through closing: shares before it began before Haven asked for the gate. */
  jointWorkFirstOpenedAt: timestamp("joint_work_first_opened_at", { withTimezone: true }),
});

/**
 * A client of one therapist (their therapist of record). Who is in therapy is itself private, so the
 * name and email are encrypted; `email_lookup` is a keyed hash of the email, for finding an account
 * at sign-in without being able to read it back.
 */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    coupleId: uuid("couple_id").references(() => couples.id),
    nameEncrypted: text("name_encrypted").notNull(),
    emailEncrypted: text("email_encrypted").notNull(),
    emailLookup: text("email_lookup").notNull().unique(),
    /**
     * invited → active when the person accepts; paused while the therapist holds the work (the client
     * still signs in and reads, writes nothing new; record 058); closed when the work ends (sign-in stops).
     */
    status: text("status", { enum: ["invited", "active", "paused", "closed"] })
      .notNull()
      .default("invited"),
    adultConfirmedAt: timestamp("adult_confirmed_at", { withTimezone: true }),
    /** An optional second factor, for a client whose inbox someone else can read (as for therapists). */
    totpSecretEncrypted: text("totp_secret_encrypted"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    signInBlockedUntil: timestamp("sign_in_blocked_until", { withTimezone: true }),
    /**
     * When a partner in a couple was shown the practice's policy on secrets between partners again,
     * at their first share with the therapist only (DOMAIN.md §4, consent before use).
     */
    secretsPolicySeenAt: timestamp("secrets_policy_seen_at", { withTimezone: true }),
    /** When the therapist recorded that they saw this partner alone and screened them privately. */
    screenedPrivatelyAt: timestamp("screened_privately_at", { withTimezone: true }),
    /** When the client asked for erasure; what the practice must keep is kept until `retained_until`. */
    erasureRequestedAt: timestamp("erasure_requested_at", { withTimezone: true }),
    retainedUntil: timestamp("retained_until", { withTimezone: true }),
    /**
     * The free consultation this person came from, when the therapist invited them from it: the first
     * event of their timeline. Set null if the booking is ever erased (bookings keep their own retention).
     */
    consultationId: uuid("consultation_id").references(() => bookings.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [index("clients_therapist_idx").on(t.therapistId), index("clients_couple_idx").on(t.coupleId)],
);

/** The invitation link's token, stored as a hash. Seven days, one use. */
export const clientInvitations = pgTable(
  "client_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_invitations_client_idx").on(t.clientId)],
);

/** Emailed sign-in links: a hash of the token, 15 minutes, one use (using one ends the others). */
export const clientSignInLinks = pgTable(
  "client_sign_in_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A keyed hash of the network address that asked (never the address itself), so the hourly cap
     * counts each asker's requests apart: someone else's requests cannot spend the client's own.
     */
    requesterHash: text("requester_hash"),
  },
  (t) => [index("client_sign_in_links_client_idx").on(t.clientId)],
);

/** Which version of each consent document a client accepted, and when. */
export const clientConsents = pgTable(
  "client_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    documentId: text("document_id").notNull(),
    version: text("version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_consents_client_idx").on(t.clientId)],
);
