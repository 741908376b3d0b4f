import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { sessions } from "./session.schema.ts";
import { needsTouch, sessionState } from "./session-state.ts";

export type Account = { kind: "therapist" | "client"; id: string };
export type Assurance = "password" | "full";
export type SignedInAccount = Account & { assurance: Assurance };
export type SessionPolicy = { idleSeconds: number; absoluteSeconds: number };

/** Therapists hold clinical data: 30 minutes idle, 12 hours at most. */
export const therapistSessionPolicy: SessionPolicy = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 };

/** Clients may be on a shared device: an hour idle signs them out; a week at most between links. */
export const clientSessionPolicy: SessionPolicy = { idleSeconds: 60 * 60, absoluteSeconds: 7 * 24 * 3600 };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Starts a session and returns the token for the cookie (shown once, stored only as a hash). */
export async function createSession(
  db: Database,
  account: Account,
  policy: SessionPolicy,
  device: string,
  now = new Date(),
  assurance: Assurance = "full",
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountKind: account.kind,
    accountId: account.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteSeconds * 1000),
    idleSeconds: policy.idleSeconds,
    deviceLabel: device,
    assurance,
  });
  return token;
}

/** The account a cookie's token signs in, or undefined once ended, idle too long, or expired. */
export async function resolveSession(
  db: Database,
  token: string,
  now = new Date(),
): Promise<SignedInAccount | undefined> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!session || sessionState(session, now) !== "active") return undefined;
  if (needsTouch(session, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, session.tokenHash));
  }
  return { kind: session.accountKind, id: session.accountId, assurance: session.assurance };
}

export async function endSession(db: Database, token: string, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(eq(sessions.tokenHash, hashToken(token)));
}

/** "Sign out everywhere" — and what a password reset does. */
export async function endAllSessions(db: Database, account: Account, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(sessions.accountKind, account.kind),
        eq(sessions.accountId, account.id),
        isNull(sessions.endedAt),
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

export type SignInListing = {
  ref: string;
  deviceLabel: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/**
 * The person's own active sign-ins, for "end this". `ref` is a hash of the stored hash: enough to
 * name a session in a form, useless for signing in.
 */
export async function listActiveSessions(
  db: Database,
  account: Account,
  currentToken: string,
  now = new Date(),
): Promise<SignInListing[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountKind, account.kind),
        eq(sessions.accountId, account.id),
        isNull(sessions.endedAt),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  const currentHash = hashToken(currentToken);
  return rows
    .filter((row) => sessionState(row, now) === "active")
    .map((row) => ({
      ref: hashToken(row.tokenHash),
      deviceLabel: row.deviceLabel,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.tokenHash === currentHash,
    }));
}

/** Ends one of the person's own sessions by its listing ref; another person's ref does nothing. */
export async function endSessionByRef(
  db: Database,
  account: Account,
  ref: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(
      and(
        eq(sessions.accountKind, account.kind),
        eq(sessions.accountId, account.id),
        isNull(sessions.endedAt),
      ),
    );
  const target = rows.find((row) => hashToken(row.tokenHash) === ref);
  if (!target) return false;
  await db.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, target.tokenHash));
  return true;
}
