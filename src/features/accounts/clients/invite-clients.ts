import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../../platform/db/database.ts";
import { queueEmail } from "../../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { lookupCandidates, lookupHash } from "../../../platform/security/lookup-hash.ts";
import { newOneTimeToken } from "../../../platform/security/one-time-token.ts";
import { bookings } from "../../booking/booking.schema.ts";
import { clientInvitations, clients, couples } from "./client.schema.ts";
import { sealClientField } from "./client-crypto.ts";
import { clientMessages as m } from "./client-messages.ts";

export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

const person = z.object({
  name: z.string().trim().min(1, m.nameMissing).max(120),
  email: z.string().trim().toLowerCase().pipe(z.email(m.emailIncomplete)),
});

export const invitationInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("individual"), first: person }),
  z.object({ kind: z.literal("couple"), first: person, second: person }),
]);

export type InvitationValues = {
  kind: string;
  firstName: string;
  firstEmail: string;
  secondName: string;
  secondEmail: string;
  /** The consultation the therapist invites from (a hidden field), or "" for none. */
  consultation?: string;
};
export type InvitationErrors = Partial<Record<keyof InvitationValues, string>>;
export type InviteResult = { ok: true; clientIds: string[] } | { ok: false; errors: InvitationErrors };

const fieldName = (path: PropertyKey[]): keyof InvitationValues => {
  const [who, field] = path.map(String);
  if (who === "kind") return "kind";
  return `${who}${field === "email" ? "Email" : "Name"}` as keyof InvitationValues;
};

/**
 * The consultation's id when it is one of this therapist's, else null: the id comes from a hidden field,
 * so one naming someone else's booking (or none) links nothing rather than refusing the invitation.
 */
async function consultationOf(
  db: Pick<Database, "select">,
  therapistId: string,
  id: string | undefined,
): Promise<string | null> {
  if (!id || !z.uuid().safeParse(id).success) return null;
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.id, id), eq(bookings.therapistId, therapistId)));
  return row?.id ?? null;
}

/**
 * Invites one person, or a couple (two invitations, two addresses, one couple). Everything is written
 * in one transaction with the emails queued inside it, so either all of it happens or none does.
 */
export async function inviteClients(
  db: Database,
  ring: KeyRing,
  input: {
    therapistId: string;
    values: InvitationValues;
    practiceName: string;
    linkFor: (token: string) => string;
    /** The consultation the invitation comes from, to begin the timeline; linked only if it is theirs. */
    consultationId?: string | undefined;
  },
  now = new Date(),
): Promise<InviteResult> {
  const { values } = input;
  const parsed = invitationInput.safeParse({
    kind: values.kind,
    first: { name: values.firstName, email: values.firstEmail },
    second: { name: values.secondName, email: values.secondEmail },
  });
  if (!parsed.success) {
    const errors: InvitationErrors = {};
    for (const issue of parsed.error.issues) {
      const field = fieldName(issue.path);
      errors[field] ??= field === "kind" ? m.kindMissing : issue.message;
    }
    return { ok: false, errors };
  }
  const people =
    parsed.data.kind === "couple" ? [parsed.data.first, parsed.data.second] : [parsed.data.first];
  if (people[1] && people[1].email === people[0]?.email)
    return { ok: false, errors: { secondEmail: m.sameEmail } };

  const taken = await db
    .select()
    .from(clients)
    .where(
      inArray(
        clients.emailLookup,
        people.flatMap((p) => lookupCandidates(ring, p.email)),
      ),
    );
  const existing = people.map((p) =>
    taken.find((row) => lookupCandidates(ring, p.email).includes(row.emailLookup)),
  );
  if (existing.every((row) => row !== undefined)) {
    const rows = existing as (typeof clients.$inferSelect)[];
    if (isSameUnacceptedInvitation(rows, input.therapistId, parsed.data.kind)) {
      return { ok: true, clientIds: await resendInvitations(db, ring, rows, people, input, now) };
    }
  }
  if (taken.length > 0) {
    // Neutral words: which therapist a person sees, or that they are in therapy at all, is not
    // for another therapist to learn from this form.
    const errors: InvitationErrors = {};
    existing.forEach((row, i) => {
      if (row) errors[i === 0 ? "firstEmail" : "secondEmail"] = m.emailInUse;
    });
    return { ok: false, errors };
  }

  try {
    const clientIds = await db.transaction(async (tx) => {
      let coupleId: string | null = null;
      if (people.length === 2) {
        const [couple] = await tx.insert(couples).values({ therapistId: input.therapistId }).returning();
        coupleId = couple?.id ?? null;
      }
      const consultationId = await consultationOf(tx, input.therapistId, input.consultationId);
      const ids: string[] = [];
      for (const p of people) {
        const id = randomUUID();
        await tx.insert(clients).values({
          id,
          therapistId: input.therapistId,
          coupleId,
          nameEncrypted: sealClientField(ring, id, "name_encrypted", p.name),
          emailEncrypted: sealClientField(ring, id, "email_encrypted", p.email),
          emailLookup: lookupHash(ring, p.email),
          consultationId,
        });
        const { token, hash } = newOneTimeToken();
        await tx.insert(clientInvitations).values({
          clientId: id,
          tokenHash: hash,
          expiresAt: new Date(now.getTime() + invitationLifetimeMs),
          createdAt: now,
        });
        await queueEmail(
          tx,
          ring,
          plainEmail(
            p.email,
            neutralSubjects.message(input.practiceName),
            m.inviteEmail(input.practiceName, input.linkFor(token)),
          ),
        );
        await recordAudit(tx, {
          actor: `therapist:${input.therapistId}`,
          action: "client.invited",
          subject: `client:${id}`,
          detail: coupleId ? { couple: coupleId } : {},
        });
        ids.push(id);
      }
      return ids;
    });
    return { ok: true, clientIds };
  } catch (error) {
    // Two therapists inviting the same address at the same moment: the unique lookup decides.
    if (sqlState(error) === "23505") return { ok: false, errors: { firstEmail: m.emailInUse } };
    throw error;
  }
}

/** This therapist's own invitation(s), not yet accepted, for the same person or the same couple. */
function isSameUnacceptedInvitation(
  rows: (typeof clients.$inferSelect)[],
  therapistId: string,
  kind: "individual" | "couple",
): boolean {
  if (!rows.every((row) => row.status === "invited" && row.therapistId === therapistId)) return false;
  if (kind === "individual") return rows.length === 1 && rows[0]?.coupleId === null;
  return rows.length === 2 && rows[0]?.coupleId !== null && rows[0]?.coupleId === rows[1]?.coupleId;
}

/** Sends a fresh 7-day link to people whose invitation lapsed; the old links stop working. */
async function resendInvitations(
  db: Database,
  ring: KeyRing,
  rows: (typeof clients.$inferSelect)[],
  people: { email: string }[],
  input: { therapistId: string; practiceName: string; linkFor: (token: string) => string },
  now: Date,
): Promise<string[]> {
  await db.transaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      await tx
        .update(clientInvitations)
        .set({ expiresAt: now })
        .where(and(eq(clientInvitations.clientId, row.id), isNull(clientInvitations.acceptedAt)));
      const { token, hash } = newOneTimeToken();
      await tx.insert(clientInvitations).values({
        clientId: row.id,
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + invitationLifetimeMs),
        createdAt: now,
      });
      const email = people[i]?.email as string;
      await queueEmail(
        tx,
        ring,
        plainEmail(
          email,
          neutralSubjects.message(input.practiceName),
          m.inviteEmail(input.practiceName, input.linkFor(token)),
        ),
      );
      await recordAudit(tx, {
        actor: `therapist:${input.therapistId}`,
        action: "client.invitation-resent",
        subject: `client:${row.id}`,
      });
    }
  });
  return rows.map((row) => row.id);
}
