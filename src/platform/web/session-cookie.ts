import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from "fastify";
import type { Database } from "../db/database.ts";
import { deviceLabel } from "../security/sessions/device-label.ts";
import {
  type Account,
  type Assurance,
  createSession,
  endSession,
  resolveSession,
  type SessionPolicy,
  type SignedInAccount,
} from "../security/sessions/session-store.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is signed in, if anyone (checked against the database on every request). */
    account: SignedInAccount | undefined;
    sessionToken: string | undefined;
  }
}

/**
 * The session cookie. `__Host-` (Secure, no Domain, Path=/) whenever the public URL is https; on a
 * plain-http development address browsers refuse that prefix, so a plain name is used there.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-haven-session" : "haven-session";
}

export function registerSessionCookie(app: FastifyInstance, db: Database, secure: boolean): void {
  const name = sessionCookieName(secure);
  app.decorateRequest("account", undefined);
  app.decorateRequest("sessionToken", undefined);
  // A plain callback, so a request without the cookie (every cached public page) costs no promise.
  const readSessionCookie: onRequestHookHandler = (request, _reply, done) => {
    const token = request.cookies[name];
    if (!token) return done();
    resolveSession(db, token).then((account) => {
      if (account) {
        request.account = account;
        request.sessionToken = token;
      }
      done();
    }, done);
  };
  app.addHook("onRequest", readSessionCookie);
}

/** Signs someone in: any session this browser had is ended first, so the token always changes at sign-in. */
export async function startSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
  policy: SessionPolicy,
  secure: boolean,
  assurance: Assurance = "full",
): Promise<void> {
  const previous = request.cookies[sessionCookieName(secure)];
  if (previous) await endSession(db, previous);
  const device = deviceLabel(request.headers["user-agent"]);
  const token = await createSession(db, account, policy, device, new Date(), assurance);
  reply.setCookie(sessionCookieName(secure), token, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "lax",
    maxAge: policy.absoluteSeconds,
  });
}

export async function finishSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
) {
  if (request.sessionToken) await endSession(db, request.sessionToken);
  clearSessionCookie(reply, secure);
}

/** Tells the browser to forget its session cookie (with the attributes it was set with, or it stays). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: "/", secure, httpOnly: true, sameSite: "lax" });
}
