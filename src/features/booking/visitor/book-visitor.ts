import type { AppContext } from "../../../app-context.ts";
import type { ReflectionSummary } from "../../assessments/self-check/reflection-summary.ts";
import { type BookingOutcome, bookConsultation } from "../book-consultation.ts";
import { bookFirstAvailable } from "../group/group-practice.ts";
import type { VisitorDetails } from "../visitor-details.ts";
import type { Who } from "./whom-to-book.ts";

export type VisitorBooking = {
  choice: { kind: "individual" | "couple" | "unsure"; start: number; zone: string; submissionId: string };
  details: VisitorDetails;
  /** The form held words that may mean the visitor is in danger. */
  crisisWords: boolean;
  /** The self-check reflection the visitor chose to bring, if one was waiting. */
  reflection: ReflectionSummary | undefined;
};

/** Books the visitor's time with whom they chose: the one therapist, or the first available of several. */
export function bookVisitor(
  ctx: Pick<AppContext, "db" | "keys" | "bookingMail">,
  who: Who,
  { choice, details, crisisWords, reflection }: VisitorBooking,
): Promise<BookingOutcome> {
  const { db, keys, bookingMail: mail } = ctx;
  const booking = {
    start: choice.start,
    kind: choice.kind,
    // Told to the therapist without the words, whether or not the note itself is kept.
    crisisWords,
    meeting: details.meeting,
    visitorTimeZone: choice.zone,
    submissionId: choice.submissionId,
    visitor: {
      name: details.name,
      email: details.email,
      phone: details.phone,
      contactBy: details.contactBy,
      leaveMessage: details.leaveMessage === "yes",
      // A note is kept only with its own consent (the form explains this beside the box).
      note: details.noteConsent ? details.note : "",
      ...(reflection ? { reflection } : {}),
    },
  };
  // First available goes to whoever of those free then was booked least recently (issue 5, item 6).
  return who.ids.length === 1
    ? bookConsultation(db, keys, { ...booking, therapistId: who.ids[0] as string }, new Date(), mail)
    : bookFirstAvailable(db, keys, booking, who.ids, new Date(), mail);
}
