import { randomUUID } from "node:crypto";
import { clientConsents, clients, couples } from "../../src/features/accounts/clients/client.schema.ts";
import { sealClientField } from "../../src/features/accounts/clients/client-crypto.ts";
import { consentDocumentsFor } from "../../src/features/accounts/clients/consent-documents.ts";
import { consentDocumentsOf } from "../../src/features/accounts/clients/live-consent-documents.ts";
import { createTherapist } from "../../src/features/accounts/create-therapist.ts";
import { finishTotpEnrolment } from "../../src/features/accounts/second-factor/enrol-totp.ts";
import { newTotpSecret, totpCodeAt } from "../../src/features/accounts/second-factor/totp.ts";
import { readPracticeSettings } from "../../src/features/practice-settings/settings-store.ts";
import { lookupHash } from "../../src/platform/security/lookup-hash.ts";
import { clientSessionPolicy, createSession } from "../../src/platform/security/sessions/session-store.ts";
import { loadStartupFiles } from "../../src/startup/load-startup-files.ts";
import { cookieFrom, formTokenIn, freshAddress, submitForm } from "./forms.ts";
import type { TestApp } from "./test-app.ts";

export const testPassword = "the kettle sings at dawn";

export type TestTherapist = {
  id: string;
  email: string;
  secret: string;
  recoveryCodes: string[];
  /** Change it when a test changes the password. */
  password: string;
  /** The last moment whose code was used: a code works once, so the next sign-in uses a later one. */
  lastCodeAt: number;
};

/** A therapist with a password and an authenticator app (the secret is the test's "phone"). */
export async function addTherapist(t: TestApp, name: string, email: string): Promise<TestTherapist> {
  const created = await createTherapist(
    t.handle.db,
    { displayName: name, email, password: testPassword },
    { actor: "test", timeZone: "Europe/London" },
  );
  if (!created.ok) throw new Error(`could not create ${email}: ${JSON.stringify(created.errors)}`);
  const secret = newTotpSecret();
  // Enrolled a minute ago, so the code of this moment has not been used yet.
  const past = new Date(Date.now() - 60_000);
  const enrolled = await finishTotpEnrolment(
    t.handle.db,
    t.keys,
    { account: { kind: "therapist", id: created.therapistId }, secret, code: totpCodeAt(secret, past) },
    past,
  );
  if (!enrolled.ok) throw new Error("enrolment failed");
  return {
    id: created.therapistId,
    email,
    secret,
    recoveryCodes: enrolled.recoveryCodes,
    password: testPassword,
    lastCodeAt: past.getTime(),
  };
}

/** Signs a therapist in through both steps, as a browser would; returns the session cookie. */
export async function signInTherapist(t: TestApp, therapist: TestTherapist): Promise<string> {
  // A code works once; the app accepts the next step's code too (a phone a little fast). Beyond that,
  // the test uses one of the therapist's recovery codes, as a person without their phone would.
  const at = new Date(Math.max(Date.now(), therapist.lastCodeAt + 30_000));
  const useRecovery = at.getTime() > Date.now() + 30_000;
  if (!useRecovery) therapist.lastCodeAt = at.getTime();
  const code = useRecovery ? therapist.recoveryCodes.pop() : totpCodeAt(therapist.secret, at);
  if (!code) throw new Error("the test therapist has no codes left");
  const address = freshAddress();
  const step = await submitForm(t.app, {
    page: "/sign-in",
    fields: { email: therapist.email, password: therapist.password },
    address,
  });
  if (step.statusCode !== 200) throw new Error(`password step answered ${step.statusCode}`);
  const ticket = /name="ticket" value="([^"]+)"/.exec(step.body)?.[1] ?? "";
  const done = await t.app.inject({
    method: "POST",
    url: "/sign-in/code",
    remoteAddress: address,
    headers: { "sec-fetch-site": "same-origin" },
    payload: {
      _form: formTokenIn(step.body, "/sign-in/code"),
      ticket,
      code,
    },
  });
  if (done.statusCode !== 303) throw new Error(`code step answered ${done.statusCode}`);
  return cookieFrom(done, "haven-session");
}

export type TestClient = { id: string; name: string; email: string; cookie: string; coupleId: string | null };

/**
 * Active clients of a therapist, written straight to the database (the invitation flow has its own
 * tests), each with a signed-in session and the current consent documents accepted, as after a
 * welcome. Two names make a couple.
 */
export async function addClients(
  t: TestApp,
  therapistId: string,
  people: { name: string; email: string }[],
): Promise<TestClient[]> {
  const db = t.handle.db;
  let coupleId: string | null = null;
  if (people.length === 2) {
    const [couple] = await db.insert(couples).values({ therapistId }).returning();
    coupleId = couple?.id ?? null;
  }
  const made: TestClient[] = [];
  for (const person of people) {
    const id = randomUUID();
    await db.insert(clients).values({
      id,
      therapistId,
      coupleId,
      status: "active",
      adultConfirmedAt: new Date(),
      nameEncrypted: sealClientField(t.keys, id, "name_encrypted", person.name),
      emailEncrypted: sealClientField(t.keys, id, "email_encrypted", person.email),
      emailLookup: lookupHash(t.keys, person.email),
    });
    const stored = await readPracticeSettings(db);
    const documents = stored
      ? consentDocumentsOf(stored.settings, loadStartupFiles(t.config).consentDocuments)
      : [];
    const accepted = consentDocumentsFor(documents, { inCouple: coupleId !== null });
    if (accepted.length > 0)
      await db
        .insert(clientConsents)
        .values(accepted.map((d) => ({ clientId: id, documentId: d.id, version: d.version })));
    const token = await createSession(db, { kind: "client", id }, clientSessionPolicy, "Firefox on Linux");
    made.push({ id, ...person, coupleId, cookie: `haven-session=${token}` });
  }
  return made;
}

/**
 * The therapist records a private screen for each partner and opens the couple's joint work, through
 * the record's own forms (as in the practice: sharing with the partner waits for this).
 */
export async function openJointWork(
  t: TestApp,
  therapistCookie: string,
  couple: TestClient[],
): Promise<void> {
  const [first] = couple;
  if (!first) throw new Error("no couple");
  const page = `/practice/clients/${first.id}`;
  for (const partner of couple) {
    const done = await submitForm(t.app, {
      page,
      action: `${page}/screened`,
      cookie: therapistCookie,
      fields: { partner: partner.id },
    });
    if (done.statusCode !== 303) throw new Error(`recording a screen answered ${done.statusCode}`);
  }
  const opened = await submitForm(t.app, {
    page,
    action: `${page}/joint-work`,
    cookie: therapistCookie,
    fields: { open: "yes" },
  });
  if (opened.statusCode !== 303) throw new Error(`opening joint work answered ${opened.statusCode}`);
}
