import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients, couples } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * One partner's side of the couple's cycle (DOMAIN.md §3): what they do when they get stuck, how it
 * looks from outside, what they feel on the surface and underneath, and what they long for. Written
 * privately (the whole side is one encrypted JSON document) and shared when its author is ready.
 * A joint part: it exists for the couple only while their therapist has joint work open.
 */
export const cycleHalves = pgTable(
  "cycle_halves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .unique()
      .references(() => clients.id, { onDelete: "cascade" }),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    halfEncrypted: text("half_encrypted").notNull(),
    /** When its author shared it with their partner and therapist; null while it is private. */
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cycle_halves_couple_idx").on(t.coupleId)],
);

/** The therapist's plain words for a couple's cycle ("the chase and the freeze"), shown above the loop. */
export const cycleNames = pgTable("cycle_names", {
  id: uuid("id").primaryKey().defaultRandom(),
  coupleId: uuid("couple_id")
    .notNull()
    .unique()
    .references(() => couples.id, { onDelete: "cascade" }),
  therapistId: uuid("therapist_id")
    .notNull()
    .references(() => therapists.id),
  nameEncrypted: text("name_encrypted").notNull(),
  namedAt: timestamp("named_at", { withTimezone: true }).notNull().defaultNow(),
});
