import { and, eq } from "drizzle-orm";
import type { ClientDataTable } from "../../../platform/privacy/client-data.ts";
import { sessions } from "../../../platform/security/sessions/session.schema.ts";
import { recoveryCodes } from "../second-factor/recovery-code.schema.ts";
import { clientConsents, clientInvitations, clientSignInLinks, clients } from "./client.schema.ts";
import { openClientField } from "./client-crypto.ts";

/** The accounts feature's client data: the account itself, consents, invitations, links and sign-ins. */
export const accountClientData: ClientDataTable[] = [
  {
    table: "clients",
    policy: "client-account",
    title: "Your account",
    async export(db, ring, clientId) {
      const rows = await db.select().from(clients).where(eq(clients.id, clientId));
      // Whether one is part of a couple is one's own fact; the partner's name or address is not.
      return rows.map((row) => ({
        name: openClientField(ring, row.id, "name_encrypted", row.nameEncrypted),
        email: openClientField(ring, row.id, "email_encrypted", row.emailEncrypted),
        status: row.status,
        seenAsPartOfACouple: row.coupleId !== null,
        confirmedOver18At: row.adultConfirmedAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      }));
    },
    erasure: { kept: "Your name, email address and account dates" },
    erase: async () => 0,
  },
  {
    table: "client_consents",
    policy: "client-account",
    title: "What you agreed to",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(clientConsents).where(eq(clientConsents.clientId, clientId));
      return rows.map((row) => ({
        document: row.documentId,
        version: row.version,
        acceptedAt: row.acceptedAt.toISOString(),
      }));
    },
    erasure: { kept: "Which consent documents you accepted, and when" },
    erase: async () => 0,
  },
  {
    table: "client_invitations",
    policy: "client-account",
    title: "Your invitation",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(clientInvitations).where(eq(clientInvitations.clientId, clientId));
      return rows.map((row) => ({
        sentAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        acceptedAt: row.acceptedAt?.toISOString() ?? null,
      }));
    },
    erasure: { goesNow: "Your invitation" },
    async erase(tx, clientId) {
      return (await tx.delete(clientInvitations).where(eq(clientInvitations.clientId, clientId)).returning())
        .length;
    },
  },
  {
    table: "client_sign_in_links",
    policy: "client-account",
    title: "Sign-in links you asked for",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(clientSignInLinks).where(eq(clientSignInLinks.clientId, clientId));
      return rows.map((row) => ({
        sentAt: row.createdAt.toISOString(),
        usedAt: row.usedAt?.toISOString() ?? null,
      }));
    },
    erasure: { goesNow: "The sign-in links you asked for" },
    async erase(tx, clientId) {
      return (await tx.delete(clientSignInLinks).where(eq(clientSignInLinks.clientId, clientId)).returning())
        .length;
    },
  },
  {
    table: "recovery_codes",
    policy: "client-account",
    title: "Your second step",
    async export(db, _ring, clientId) {
      const rows = await db
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.accountKind, "client"), eq(recoveryCodes.accountId, clientId)));
      // The codes themselves are kept only as hashes; how many are left is what the client can use.
      return rows.length === 0
        ? []
        : [{ recoveryCodesLeft: rows.filter((row) => row.usedAt === null).length }];
    },
    erasure: { goesNow: "Your second step's recovery codes" },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(recoveryCodes)
        .where(and(eq(recoveryCodes.accountKind, "client"), eq(recoveryCodes.accountId, clientId)))
        .returning({ id: recoveryCodes.id });
      return gone.length;
    },
  },
  {
    table: "sessions",
    policy: "client-account",
    title: "Your sign-ins",
    async export(db, _ring, clientId) {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.accountKind, "client"), eq(sessions.accountId, clientId)));
      return rows.map((row) => ({
        device: row.deviceLabel,
        signedInAt: row.createdAt.toISOString(),
        lastActiveAt: row.lastSeenAt.toISOString(),
        endedAt: row.endedAt?.toISOString() ?? null,
      }));
    },
    erasure: { goesNow: "Your sign-ins on every device" },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(sessions)
        .where(and(eq(sessions.accountKind, "client"), eq(sessions.accountId, clientId)))
        .returning();
      return gone.length;
    },
  },
];
