import { and, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { clientInvitations, clients } from "../../accounts/clients/client.schema.ts";
import { openClientField } from "../../accounts/clients/client-crypto.ts";
import { type Actor, allow } from "../../accounts/policies/policy.ts";
import type { InstrumentDefinition } from "../../assessments/instruments/instrument-definition.ts";
import { measuresOf } from "../../assessments/measures/measure-assignments.ts";
import { scoreMeasure } from "../../assessments/measures/score-measure.ts";
import { bookings } from "../../booking/booking.schema.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { injuries, injuryMarks } from "../../repair/repair.schema.ts";
import { therapySessions } from "../../sessions/session.schema.ts";
import { workspaceEntries } from "../../workspace/entry.schema.ts";
import type { PersonRows, TimelineRows } from "./build-timeline.ts";
import { scoreSummary } from "./score-summary.ts";

type ClientRow = typeof clients.$inferSelect;

/**
 * Everything the timeline shows about one person, each row checked against the policy for this actor:
 * entries only once shared with the therapist (never their words), measures the therapist may read,
 * notifications by kind and time only.
 */
async function personRows(
  db: Database,
  keys: KeyRing,
  actor: Actor,
  instruments: readonly InstrumentDefinition[],
  row: ClientRow,
): Promise<PersonRows> {
  const owned = { clientId: row.id, therapistId: row.therapistId, coupleId: row.coupleId };
  const invitations = await db
    .select({ createdAt: clientInvitations.createdAt, acceptedAt: clientInvitations.acceptedAt })
    .from(clientInvitations)
    .where(eq(clientInvitations.clientId, row.id));
  const measures = (await measuresOf(db, keys, row.id)).flatMap((measure) => {
    const definition = instruments.find((d) => d.id === measure.instrumentId);
    const resource = {
      type: "measure" as const,
      ...owned,
      resultsShownToClient: measure.resultsShownToClient,
    };
    if (!definition || !allow(actor, "read", resource)) return [];
    const score = scoreSummary(scoreMeasure(definition, measure));
    return [
      {
        id: measure.id,
        title: definition.title,
        assignedAt: measure.assignedAt,
        answeredAt: measure.answeredAt,
        score,
      },
    ];
  });
  // Only the columns the timeline says: the body is never even read here.
  const entryRows = await db
    .select({
      id: workspaceEntries.id,
      kind: workspaceEntries.kind,
      sharedAt: workspaceEntries.sharedWithTherapistAt,
    })
    .from(workspaceEntries)
    .where(and(eq(workspaceEntries.clientId, row.id), isNotNull(workspaceEntries.sharedWithTherapistAt)));
  const shared = entryRows.flatMap((entry) =>
    entry.sharedAt &&
    allow(actor, "read", { type: "entry", ...owned, sharedWith: { partner: false, therapist: true } })
      ? [{ id: entry.id, kind: entry.kind, sharedAt: entry.sharedAt }]
      : [],
  );
  const flags = (
    await db
      .select({
        kind: therapistNotifications.kind,
        createdAt: therapistNotifications.createdAt,
        therapistId: therapistNotifications.therapistId,
      })
      .from(therapistNotifications)
      .where(eq(therapistNotifications.clientId, row.id))
  ).filter((flag) =>
    allow(actor, "read", {
      type: "notification",
      therapistId: flag.therapistId,
      safety: false,
      coverTherapistId: null,
    }),
  );
  const [closed] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.subject, `client:${row.id}`), eq(auditLog.action, "client.closed")))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return {
    clientId: row.id,
    name: openClientField(keys, row.id, "name_encrypted", row.nameEncrypted),
    invitations,
    measures,
    shared,
    flags,
    closedAt: row.status === "closed" ? (closed?.at ?? null) : null,
  };
}

/** The rows of a client's story; for a partner in a couple, both partners' (where this therapist may see them). */
export async function loadTimeline(
  db: Database,
  keys: KeyRing,
  actor: Actor,
  instruments: readonly InstrumentDefinition[],
  row: ClientRow,
): Promise<TimelineRows> {
  const partners = row.coupleId
    ? await db.select().from(clients).where(eq(clients.coupleId, row.coupleId))
    : [row];
  const visible = partners.filter((partner) =>
    allow(actor, "read", {
      type: "client-account",
      clientId: partner.id,
      therapistId: partner.therapistId,
      coupleId: partner.coupleId,
    }),
  );
  const people = await Promise.all(visible.map((person) => personRows(db, keys, actor, instruments, person)));
  const ids = visible.map((person) => person.id);
  const whose = row.coupleId
    ? or(inArray(therapySessions.clientId, ids), eq(therapySessions.coupleId, row.coupleId))
    : eq(therapySessions.clientId, row.id);
  const sessions = (
    await db
      .select({
        startsAt: therapySessions.startsAt,
        status: therapySessions.status,
        clientId: therapySessions.clientId,
        therapistId: therapySessions.therapistId,
      })
      .from(therapySessions)
      .where(whose)
  ).filter((session) => session.therapistId === row.therapistId);
  const marks =
    row.coupleId && allow(actor, "read", { type: "repair-mark", therapistId: row.therapistId })
      ? await db
          .select({
            step: injuryMarks.step,
            createdAt: injuryMarks.createdAt,
            injuryId: injuryMarks.injuryId,
          })
          .from(injuryMarks)
          .innerJoin(injuries, eq(injuries.id, injuryMarks.injuryId))
          .where(eq(injuries.coupleId, row.coupleId))
      : [];
  // One consultation for a couple invited from it: both partners point at the same booking.
  const consultationIds = [...new Set(visible.flatMap((person) => person.consultationId ?? []))];
  const consultations =
    consultationIds.length === 0
      ? []
      : await db
          .select({ startsAt: bookings.startsAt, kind: bookings.kind })
          .from(bookings)
          .where(and(inArray(bookings.id, consultationIds), eq(bookings.therapistId, row.therapistId)));
  return { people, sessions, marks, consultations };
}
