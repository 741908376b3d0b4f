import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { clients, couples } from "../accounts/clients/client.schema.ts";
import { workspaceEntries } from "../workspace/entry.schema.ts";

/**
 * The joint-work gate (DOMAIN.md §4): a couple's joint parts — sharing with the partner today, the
 * repair space and the cycle map later — stay closed until the therapist has seen and screened each
 * partner privately and opens them. Nothing a client does, and no screen's answer, opens or closes it:
 * only the therapist, and every change is audited.
 */
export type JointWork = {
  open: boolean;
  /** Each partner, with whether the therapist has recorded a private screen. */
  partners: { clientId: string; screenedPrivatelyAt: Date | null }[];
  /** Shares with the partner made before joint work was opened (from before the gate existed). */
  sharedBeforeOpening: boolean;
};

export async function jointWorkIsOpen(db: Database, coupleId: string | null): Promise<boolean> {
  if (!coupleId) return false;
  const [row] = await db
    .select({ openedAt: couples.jointWorkOpenedAt })
    .from(couples)
    .where(eq(couples.id, coupleId));
  return row?.openedAt != null;
}

export async function jointWorkOf(db: Database, coupleId: string): Promise<JointWork> {
  const [couple] = await db
    .select({ openedAt: couples.jointWorkOpenedAt, firstOpenedAt: couples.jointWorkFirstOpenedAt })
    .from(couples)
    .where(eq(couples.id, coupleId));
  const partners = await db
    .select({ clientId: clients.id, screenedPrivatelyAt: clients.screenedPrivatelyAt })
    .from(clients)
    .where(eq(clients.coupleId, coupleId))
    .orderBy(clients.createdAt, clients.id);
  const openedAt = couple?.openedAt ?? null;
  const firstOpenedAt = couple?.firstOpenedAt ?? null;
  const early = await db
    .select({ id: workspaceEntries.id })
    .from(workspaceEntries)
    .innerJoin(clients, eq(clients.id, workspaceEntries.clientId))
    .where(
      and(
        eq(clients.coupleId, coupleId),
        isNotNull(workspaceEntries.sharedWithPartnerAt),
        firstOpenedAt ? lt(workspaceEntries.sharedWithPartnerAt, firstOpenedAt) : undefined,
      ),
    )
    .limit(1);
  return { open: openedAt !== null, partners, sharedBeforeOpening: early.length > 0 };
}

/** Both partners of the couple have a private screen recorded: the therapist may open joint work. */
export function readyToOpen(jointWork: JointWork): boolean {
  return jointWork.partners.length === 2 && jointWork.partners.every((p) => p.screenedPrivatelyAt !== null);
}

export async function recordPrivateScreen(
  db: Database,
  input: { therapistId: string; clientId: string },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(clients)
      .set({ screenedPrivatelyAt: now })
      .where(and(eq(clients.id, input.clientId), isNull(clients.screenedPrivatelyAt)))
      .returning({ id: clients.id });
    // A second click (or two at once) records nothing more.
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "client.screened-privately",
      subject: `client:${input.clientId}`,
    });
  });
}

/** Opens or closes a couple's joint work; returns false when it was already so (or not ready). */
export async function setJointWork(
  db: Database,
  input: { therapistId: string; coupleId: string; open: boolean },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const current = await jointWorkOf(tx, input.coupleId);
    if (current.open === input.open) return false;
    if (input.open && !readyToOpen(current)) return false;
    // Conditional, so two therapists' clicks at once change it (and are audited) once.
    const changed = await tx
      .update(couples)
      .set(
        input.open
          ? {
              jointWorkOpenedAt: now,
              jointWorkFirstOpenedAt: sql`coalesce(${couples.jointWorkFirstOpenedAt}, ${now.toISOString()}::timestamptz)`,
            }
          : { jointWorkOpenedAt: null },
      )
      .where(
        and(
          eq(couples.id, input.coupleId),
          input.open ? isNull(couples.jointWorkOpenedAt) : isNotNull(couples.jointWorkOpenedAt),
        ),
      )
      .returning({ id: couples.id });
    if (changed.length === 0) return false;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: input.open ? "couple.joint-work-opened" : "couple.joint-work-closed",
      subject: `couple:${input.coupleId}`,
    });
    return true;
  });
}
