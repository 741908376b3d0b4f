import type { FastifyReply } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { enqueueJob } from "../../platform/jobs/job-queue.ts";
import type { JobHandler } from "../../platform/jobs/job-runner.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { lookupHash } from "../../platform/security/lookup-hash.ts";
import { requestSignInLink } from "./clients/client-sign-in-links.ts";
import { requestPasswordReset } from "./request-password-reset.ts";

export const signInLinkRequestJobKind = "accounts.sign-in-link-request";
export const passwordResetRequestJobKind = "accounts.password-reset-request";

type Request = { email: string; requester: string; at: string };

/**
 * The sign-in-link and password-reset forms do the same work for every address: they queue the request
 * and answer. Finding the account, the caps, the link and its email happen afterwards, in the job, so
 * how long the answer takes cannot tell anyone whether an address has an account (record 047). The
 * payload is encrypted like every job's; the asker's network address is kept only as a keyed hash.
 */
export function queueAccountRequest(
  db: Database,
  ring: KeyRing,
  kind: typeof signInLinkRequestJobKind | typeof passwordResetRequestJobKind,
  input: { email: string; ip: string },
  now = new Date(),
): Promise<string> {
  const payload: Request = {
    email: input.email,
    requester: lookupHash(ring, `requester:${input.ip}`),
    at: now.toISOString(),
  };
  // A request not carried out within a few tries is not worth sending late: the person will ask again.
  return enqueueJob(db, ring, kind, payload, { maxAttempts: 3 });
}

/**
 * Wakes the job runner once the answer has gone, and a turn of the event loop later, so none of the
 * request's work (on the embedded database, in this very thread) can run before the answer is out.
 */
export function wakeAfterAnswer(reply: FastifyReply, wake: () => void): void {
  reply.raw.once("finish", () => setImmediate(wake));
}

/** The jobs that carry the requests out, for the app's job runner. */
export function accountRequestJobHandlers(
  db: Database,
  ring: KeyRing,
  site: { practiceName: string; absoluteUrl: (pathname: string) => string },
  /** Asks the runner for another pass, so the email just queued goes out now. */
  wake: () => void,
): Record<string, JobHandler> {
  const linkFor = (path: string) => (token: string) => site.absoluteUrl(`${path}/${token}`);
  return {
    [signInLinkRequestJobKind]: async (payload) => {
      const request = payload as Request;
      const queued = await requestSignInLink(
        db,
        ring,
        {
          email: request.email,
          requester: request.requester,
          practiceName: site.practiceName,
          linkFor: linkFor("/sign-in/link"),
        },
        new Date(request.at),
      );
      if (queued) wake();
    },
    [passwordResetRequestJobKind]: async (payload) => {
      const request = payload as Request;
      const queued = await requestPasswordReset(
        db,
        ring,
        { email: request.email, practiceName: site.practiceName, linkFor: linkFor("/password-reset") },
        new Date(request.at),
      );
      if (queued) wake();
    },
  };
}
