import type { NotificationKind } from "../../notifications/notification.schema.ts";

/** What one score says on the timeline: a total, a screen's result, and whether a cut-off was passed. */
export type ScoreSummary =
  | { kind: "total"; score: number | null; pastCutOff: boolean }
  | { kind: "screen"; result: "positive" | "negative" | "incomplete" }
  | { kind: "dimensional"; pastCutOff: boolean }
  | { kind: "declined" }
  | { kind: "none" };

/** The rows of one person, already filtered by the policy: only what the therapist may see. */
export type PersonRows = {
  clientId: string;
  name: string;
  invitations: { createdAt: Date; acceptedAt: Date | null }[];
  measures: { id: string; title: string; assignedAt: Date; answeredAt: Date | null; score: ScoreSummary }[];
  /** Entries shared with the therapist: when and what kind, never the words. */
  shared: { id: string; kind: "note" | "trigger"; sharedAt: Date }[];
  /** Notifications about the person: kind and when, never content. */
  flags: { kind: NotificationKind; createdAt: Date }[];
  closedAt: Date | null;
};

export type TimelineRows = {
  people: PersonRows[];
  /** Sessions of either person alone, or of the couple together (clientId null). */
  sessions: { startsAt: Date; status: "scheduled" | "cancelled"; clientId: string | null }[];
  /** Repair journey marks of the couple's injuries. */
  marks: { step: number; createdAt: Date; injuryId: string }[];
  /** The free consultation the client or couple was invited from, if the therapist invited from one. */
  consultations: { startsAt: Date; kind: "individual" | "couple" | "unsure" }[];
};

type Who = { who: string | null };
export type TimelineEvent = { at: Date; recordId: string | null } & Who &
  (
    | { kind: "invited" }
    | { kind: "accepted" }
    | { kind: "measure-assigned"; title: string }
    | { kind: "measure-answered"; title: string; score: ScoreSummary }
    | { kind: "shared"; entryKind: "note" | "trigger"; entryId: string }
    | { kind: "flag"; flag: NotificationKind }
    | { kind: "session"; status: "scheduled" | "cancelled"; together: boolean }
    | { kind: "mark"; step: number; injuryId: string }
    | { kind: "closed" }
    | { kind: "consultation"; consultationKind: "individual" | "couple" | "unsure" }
  );

/**
 * One client's or one couple's story, newest first. A pure function of rows the loader has already
 * limited to what the therapist may see: it adds nothing and opens nothing.
 */
export function buildTimeline(rows: TimelineRows): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const nameOf = new Map(rows.people.map((person) => [person.clientId, person.name]));
  for (const person of rows.people) {
    const base = { who: person.name, recordId: person.clientId };
    for (const invitation of person.invitations) {
      events.push({ ...base, kind: "invited", at: invitation.createdAt });
      if (invitation.acceptedAt) events.push({ ...base, kind: "accepted", at: invitation.acceptedAt });
    }
    for (const measure of person.measures) {
      events.push({ ...base, kind: "measure-assigned", title: measure.title, at: measure.assignedAt });
      if (measure.answeredAt)
        events.push({
          ...base,
          kind: "measure-answered",
          title: measure.title,
          score: measure.score,
          at: measure.answeredAt,
        });
    }
    for (const entry of person.shared)
      events.push({ ...base, kind: "shared", entryKind: entry.kind, entryId: entry.id, at: entry.sharedAt });
    for (const flag of person.flags)
      events.push({ ...base, kind: "flag", flag: flag.kind, at: flag.createdAt });
    if (person.closedAt) events.push({ ...base, kind: "closed", at: person.closedAt });
  }
  for (const session of rows.sessions) {
    const who = session.clientId ? (nameOf.get(session.clientId) ?? null) : null;
    events.push({
      kind: "session",
      status: session.status,
      together: session.clientId === null,
      who,
      recordId: session.clientId,
      at: session.startsAt,
    });
  }
  for (const mark of rows.marks)
    events.push({
      kind: "mark",
      step: mark.step,
      injuryId: mark.injuryId,
      who: null,
      recordId: null,
      at: mark.createdAt,
    });
  // A couple's consultation was both partners' ("Together"); someone seen alone, theirs.
  const alone = rows.people.length === 1 ? rows.people[0] : undefined;
  for (const consultation of rows.consultations)
    events.push({
      kind: "consultation",
      consultationKind: consultation.kind,
      who: alone?.name ?? null,
      recordId: alone?.clientId ?? null,
      at: consultation.startsAt,
    });
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}
