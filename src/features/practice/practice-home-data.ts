import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { type UndeliveredEmail, undeliveredEmails } from "../../platform/mail/undelivered-emails.ts";
import {
  type CaseloadCount,
  type ClientListing,
  countCaseload,
  listClientsByIds,
} from "../accounts/clients/list-clients.ts";
import { type StaleInvitation, staleInvitations } from "../accounts/clients/stale-invitations.ts";
import type { Resource } from "../accounts/policies/policy.ts";
import type { InstrumentDefinition } from "../assessments/instruments/instrument-definition.ts";
import { measuresDue } from "../assessments/measures/measures-due.ts";
import { screensNeedingAttention } from "../assessments/measures/screens-needing-attention.ts";
import { type BookingAttention, bookingAttention } from "../booking/therapist/booking-attention.ts";
import {
  type ConsultationAtAGlance,
  consultationsThisWeek,
  weekFrom,
} from "../booking/therapist/consultations-this-week.ts";
import { type NeedsYouItem, needsYou, notifyByEmailOf } from "../notifications/needs-you.ts";
import { isSafetyKind, type SafetyAlert, safetyAlertsFor } from "../notifications/safety-alerts.ts";
import type { MeasuresDueLine } from "./home/measures-due-section.tsx";

export type PracticeHome = {
  therapistName: string;
  isOwner: boolean;
  timeZone: string;
  safetyAlerts: SafetyAlert[];
  /** Every other notification nobody has marked seen, newest first (who and what kind, never the content). */
  needsYou: NeedsYouItem[];
  notifyByEmail: boolean;
  consultations: ConsultationAtAGlance[];
  todayEnds: number;
  booking: BookingAttention;
  staleInvitations: StaleInvitation[];
  measuresDue: MeasuresDueLine[];
  /** Clients with a positive screen for harm: named here, the answers only in their record. */
  screenFlags: ClientListing[];
  /** The owner's only: emails whose every attempt failed, with whom they were for. */
  undeliveredEmails: UndeliveredEmail[];
  /** How many couples and individuals are open: the list itself is at /practice/clients. */
  caseload: CaseloadCount;
};

type Therapist = { id: string; displayName: string; isOwner: boolean; timeZone: string };

/**
 * Everything the practice home shows one therapist. The staff reads of client data it makes (a flagged
 * screen, the visitors of this week's consultations) are audited as the pages that show them in full are.
 */
export async function loadPracticeHome(
  { db, keys }: Pick<AppContext, "db" | "keys">,
  therapist: Therapist,
  input: { definitions: readonly InstrumentDefinition[]; mayRead: (resource: Resource) => boolean },
  now = new Date(),
): Promise<PracticeHome> {
  const flagged = await screensNeedingAttention(db, keys, { therapistId: therapist.id, ...input });
  const due = await measuresDue(db, therapist.id, now);
  // Only the names this page shows are opened: with a full caseload, decrypting everyone's was most of
  // the page's time, for a list that belongs on /practice/clients.
  const named = new Set([...flagged, ...due.map((line) => line.clientId)]);
  const listing = await listClientsByIds(db, keys, therapist.id, [...named]);
  const names = new Map(listing.map((client) => [client.id, client.name]));
  const actor = `therapist:${therapist.id}`;
  for (const clientId of flagged)
    await recordAudit(db, { actor, action: "measure.screen-flag-shown", subject: `client:${clientId}` });
  const consultations = await consultationsThisWeek(db, keys, therapist.id, therapist.timeZone, now);
  if (consultations.length > 0)
    await recordAudit(db, {
      actor,
      action: "consultations.glanced",
      detail: { count: consultations.length },
    });
  const notifications = await needsYou(db, keys, therapist.id);
  return {
    therapistName: therapist.displayName,
    isOwner: therapist.isOwner,
    timeZone: therapist.timeZone,
    safetyAlerts: await safetyAlertsFor(db, keys, therapist.id),
    needsYou: notifications.filter((item) => !isSafetyKind(item.kind)),
    notifyByEmail: await notifyByEmailOf(db, therapist.id),
    consultations,
    todayEnds: weekFrom(now, therapist.timeZone).todayEnds,
    booking: await bookingAttention(db, therapist.id, now),
    staleInvitations: await staleInvitations(db, keys, therapist.id, now),
    measuresDue: due.map((line) => ({ ...line, name: names.get(line.clientId) ?? "" })),
    screenFlags: listing.filter((client) => flagged.includes(client.id)),
    undeliveredEmails: therapist.isOwner ? await undeliveredEmails(db, keys) : [],
    caseload: await countCaseload(db, therapist.id),
  };
}
