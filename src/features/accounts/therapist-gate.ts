import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { therapists } from "./therapist.schema.ts";

export type SignedInTherapist = {
  id: string;
  displayName: string;
  email: string;
  isOwner: boolean;
  timeZone: string;
};

export type TherapistGate =
  | { allowed: true; therapist: SignedInTherapist }
  | { allowed: false; redirect: "/sign-in" | "/account/two-step" };

/**
 * Who may use the therapist's side: someone signed in as a therapist whose second factor is on.
 * A therapist who has only given a password is sent to set the second factor up, and can reach
 * nothing else until they have.
 */
export async function therapistGate(db: Database, request: FastifyRequest): Promise<TherapistGate> {
  const account = request.account;
  if (account?.kind !== "therapist") return { allowed: false, redirect: "/sign-in" };
  const [row] = await db.select().from(therapists).where(eq(therapists.id, account.id));
  if (!row?.email) return { allowed: false, redirect: "/sign-in" };
  if (!row.totpEnabledAt) return { allowed: false, redirect: "/account/two-step" };
  // A session from before the second factor was set up (or from a password alone) is not enough.
  if (account.assurance !== "full") return { allowed: false, redirect: "/sign-in" };
  return {
    allowed: true,
    therapist: {
      id: row.id,
      displayName: row.displayName,
      email: row.email,
      isOwner: row.isOwner,
      timeZone: row.timeZone,
    },
  };
}
