import { randomUUID } from "node:crypto";
import { bookings } from "../../src/features/booking/booking.schema.ts";
import type { StoredVisitor } from "../../src/features/booking/visitor-details.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { encryptField, type KeyRing } from "../../src/platform/security/field-encryption.ts";
import { lookupHash } from "../../src/platform/security/lookup-hash.ts";

/**
 * A confirmed consultation written straight to the database (booking has its own tests of the real
 * flow): for pages that list consultations, and for the benchmark's seed.
 */
export async function seedConsultation(
  db: Database,
  keys: KeyRing,
  input: { therapistId: string; startsAt: Date; visitor: Partial<StoredVisitor> & { name: string } },
): Promise<string> {
  const id = randomUUID();
  const email = input.visitor.email ?? `${id}@example.org`;
  const visitor: StoredVisitor = {
    email,
    phone: "",
    contactBy: ["email"],
    leaveMessage: true,
    note: "",
    ...input.visitor,
  };
  const endsAt = new Date(input.startsAt.getTime() + 20 * 60_000);
  await db.insert(bookings).values({
    id,
    therapistId: input.therapistId,
    status: "confirmed",
    kind: "individual",
    meeting: "video",
    startsAt: input.startsAt,
    endsAt,
    blockedFrom: input.startsAt,
    blockedUntil: endsAt,
    visitorEncrypted: encryptField(keys, JSON.stringify(visitor), {
      table: "bookings",
      column: "visitor_encrypted",
      id,
    }),
    visitorEmailLookup: lookupHash(keys, email),
    visitorTimeZone: "Europe/London",
    submissionId: randomUUID(),
  });
  return id;
}
