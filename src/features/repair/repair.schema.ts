import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clients, couples } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * An attachment injury a couple is working on, named by their therapist in neutral words of their
 * choosing ("the night of the hospital"). A joint part: clients see it only while joint work is open.
 * Who was hurt belongs to the injury, never to a person: one partner, or each at different times.
 */
export const injuries = pgTable(
  "injuries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    nameEncrypted: text("name_encrypted").notNull(),
    /**
     * "one": `hurt_client_id` was hurt; "each": each partner, at different times. (No check ties the
     * two: when a client's row is finally deleted the id goes null, and the injury reads as "each".)
     */
    whoWasHurt: text("who_was_hurt", { enum: ["one", "each"] }).notNull(),
    hurtClientId: uuid("hurt_client_id").references(() => clients.id, { onDelete: "set null" }),
    /** The pace is the therapist's: an injury may rest for a while, or be done with. */
    status: text("status", { enum: ["active", "paused", "closed"] })
      .notNull()
      .default("active"),
    /** When the therapist opened "our story" for this injury; null while it is not open. */
    storyOpenedAt: timestamp("story_opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("injuries_couple_idx").on(t.coupleId)],
);

/**
 * The therapist's map of the repair: where, among the eight steps of the attachment injury resolution
 * model, they observed the couple in session. Every mark is kept (the history is the map); clients
 * never see a step, a mark or a note.
 */
export const injuryMarks = pgTable(
  "injury_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    injuryId: uuid("injury_id")
      .notNull()
      .references(() => injuries.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    step: integer("step").notNull(),
    observedOn: date("observed_on").notNull(),
    noteEncrypted: text("note_encrypted"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("injury_marks_injury_idx").on(t.injuryId),
    check("injury_marks_step_range", sql`${t.step} between 1 and 8`),
  ],
);

/** A partner's private suggestion of an injury to work on: for the therapist only. */
export const injurySuggestions = pgTable(
  "injury_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    bodyEncrypted: text("body_encrypted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("injury_suggestions_client_idx").on(t.clientId)],
);

/**
 * A piece of preparation or reflection the therapist opened for one partner on one injury. Closing
 * keeps the row (what was written stays the author's); opening again clears `closed_at`.
 */
export const openedPieces = pgTable(
  "opened_pieces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    injuryId: uuid("injury_id")
      .notNull()
      .references(() => injuries.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    pieceId: text("piece_id").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [unique("opened_pieces_once").on(t.injuryId, t.clientId, t.pieceId)],
);

/**
 * "Our story of what happened and how we repaired it": one document both partners write, kept as
 * versions. A save names the version it was based on; a save based on an old one is refused, so two
 * partners saving at once never lose a word (the unique version is the arbiter).
 */
export const storyVersions = pgTable(
  "story_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    injuryId: uuid("injury_id")
      .notNull()
      .references(() => injuries.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** Null once the author has asked for erasure: the words stay the couple's (decision record 044). */
    authorClientId: uuid("author_client_id").references(() => clients.id, { onDelete: "set null" }),
    bodyEncrypted: text("body_encrypted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("story_versions_one_per_number").on(t.injuryId, t.version)],
);
