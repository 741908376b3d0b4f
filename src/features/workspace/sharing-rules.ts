import type { FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { fieldText } from "../../platform/web/form-post.ts";
import { secretsBetweenPartnersId } from "../accounts/clients/consent-documents.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { hourly } from "../notifications/notify-therapist.ts";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import type { Sharing } from "./entries.ts";
import { includesPartner, type SharingScope } from "./entry-sharing.ts";
import { workspaceMessages as m } from "./messages.ts";
import { markSecretsPolicySeen, needsSecretsReminder } from "./secrets-reminder.ts";
import type { SecretsReminder } from "./sharing-fields.tsx";

/** What a client's choice of readers depends on: the couple, joint work, the secrets policy, the therapist. */
export function sharingRules({ db, consentDocuments, notifier }: AppContext) {
  /** The practice's policy on secrets between partners, if it has one (shown at a first therapist-only share). */
  const secretsPolicy = () =>
    consentDocuments.current.find((document) => document.id === secretsBetweenPartnersId);

  const scopeOf = async (request: FastifyRequest): Promise<SharingScope> => {
    const coupleId = clientOf(request).coupleId;
    return { inCouple: coupleId !== null, jointWorkOpen: await jointWorkIsOpen(db, coupleId) };
  };

  /** A new share with the partner is the couple's joint work: only once their therapist has opened it. */
  const partnerShareAllowed = async (request: FastifyRequest, from: Sharing, to: Sharing) => {
    const client = clientOf(request);
    if (!includesPartner(to) || includesPartner(from)) return true;
    if (!client.coupleId) return false;
    return allow(requestActor(request), "create", {
      type: "partner-share",
      clientId: client.id,
      therapistId: client.therapistId,
      coupleId: client.coupleId,
      jointWorkOpen: await jointWorkIsOpen(db, client.coupleId),
    });
  };

  /** The therapist learns that something was shared with them (not what), at most once an hour per client. */
  const tellTherapistOfShare = async (request: FastifyRequest, from: Sharing, to: Sharing) => {
    const client = clientOf(request);
    const toTherapist = (s: Sharing) => s === "therapist" || s === "both";
    if (!toTherapist(to) || toTherapist(from)) return;
    const now = new Date();
    await notifier.notify(
      db,
      {
        therapistId: client.therapistId,
        clientId: client.id,
        kind: "shared-with-therapist",
        dedupeKey: hourly(["shared-with-therapist", client.id], now),
      },
      now,
    );
  };

  /**
   * Whether this therapist-only share must first show the secrets policy: undefined when it may go
   * ahead (marking the policy seen), or the reminder to show (with an error if the box was left).
   */
  const reminderBefore = async (
    request: FastifyRequest,
    sharing: Sharing,
  ): Promise<SecretsReminder | undefined> => {
    const client = clientOf(request);
    const policy = secretsPolicy();
    if (!policy || !(await needsSecretsReminder(db, client, sharing))) return undefined;
    if (fieldText(request.body, "policySeen") === "yes") {
      await markSecretsPolicySeen(db, client.id);
      return undefined;
    }
    const shownBefore = fieldText(request.body, "reminderShown") === "yes";
    return {
      title: policy.title,
      html: policy.html,
      error: shownBefore ? m.reminderNotTicked : undefined,
    };
  };

  return { scopeOf, partnerShareAllowed, tellTherapistOfShare, reminderBefore };
}
