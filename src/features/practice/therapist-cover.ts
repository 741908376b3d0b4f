import { and, eq, isNotNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { practiceMessages as m } from "./messages.ts";

export type CoverOutcome = { ok: true } | { ok: false; error: string };

/**
 * The owner marks a therapist away with a named cover, or back (cover null). The cover must be another
 * therapist who can sign in and is not away themselves, so an alert never passes to nobody. Audited.
 */
export async function setCover(
  db: Database,
  input: { ownerId: string; therapistId: string; coverId: string | null },
): Promise<CoverOutcome> {
  return db.transaction(async (tx) => {
    const [away] = await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(and(eq(therapists.id, input.therapistId), isNotNull(therapists.email)))
      .for("update");
    if (!away) return { ok: false, error: m.coverProblems.unknown };
    if (input.coverId !== null) {
      if (input.coverId === input.therapistId) return { ok: false, error: m.coverProblems.self };
      const [cover] = await tx
        .select({ passwordHash: therapists.passwordHash, coverId: therapists.coverTherapistId })
        .from(therapists)
        .where(and(eq(therapists.id, input.coverId), isNotNull(therapists.email)));
      if (!cover?.passwordHash) return { ok: false, error: m.coverProblems.unknown };
      if (cover.coverId !== null) return { ok: false, error: m.coverProblems.coverAway };
    }
    await tx
      .update(therapists)
      .set({ coverTherapistId: input.coverId })
      .where(eq(therapists.id, input.therapistId));
    await recordAudit(tx, {
      actor: `therapist:${input.ownerId}`,
      action: input.coverId ? "therapist.away-with-cover" : "therapist.back",
      subject: `therapist:${input.therapistId}`,
      detail: input.coverId ? { cover: `therapist:${input.coverId}` } : {},
    });
    return { ok: true };
  });
}
