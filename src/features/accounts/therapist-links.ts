import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { hashOneTimeToken, newOneTimeToken } from "../../platform/security/one-time-token.ts";
import { therapistLinks } from "./therapist-link.schema.ts";

export type TherapistLinkPurpose = "join" | "reset";

const lifetimeMs: Record<TherapistLinkPurpose, number> = {
  join: 7 * 24 * 3600 * 1000,
  reset: 30 * 60 * 1000,
};

/** A new link of this purpose; any earlier unused one for the same therapist and purpose stops working. */
export async function issueTherapistLink(
  tx: Database,
  therapistId: string,
  purpose: TherapistLinkPurpose,
  now = new Date(),
): Promise<string> {
  await tx
    .update(therapistLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(therapistLinks.therapistId, therapistId),
        eq(therapistLinks.purpose, purpose),
        isNull(therapistLinks.usedAt),
      ),
    );
  const { token, hash } = newOneTimeToken();
  await tx.insert(therapistLinks).values({
    tokenHash: hash,
    therapistId,
    purpose,
    expiresAt: new Date(now.getTime() + lifetimeMs[purpose]),
    createdAt: now,
  });
  return token;
}

const usable = (token: string, purpose: TherapistLinkPurpose, now: Date) =>
  and(
    eq(therapistLinks.tokenHash, hashOneTimeToken(token)),
    eq(therapistLinks.purpose, purpose),
    isNull(therapistLinks.usedAt),
    gt(therapistLinks.expiresAt, now),
  );

/** Whether the link still works. Opening its page asks only this, and changes nothing. */
export async function therapistLinkIsUsable(
  db: Database,
  token: string,
  purpose: TherapistLinkPurpose,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select()
    .from(therapistLinks)
    .where(usable(token, purpose, now));
  return Boolean(row);
}

/** Uses the link up and returns whose it was, or undefined when it no longer works. */
export async function useTherapistLink(
  tx: Database,
  token: string,
  purpose: TherapistLinkPurpose,
  now = new Date(),
): Promise<string | undefined> {
  const [row] = await tx
    .update(therapistLinks)
    .set({ usedAt: now })
    .where(usable(token, purpose, now))
    .returning({ therapistId: therapistLinks.therapistId });
  return row?.therapistId;
}
