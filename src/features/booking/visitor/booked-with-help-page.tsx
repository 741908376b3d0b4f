import type { SiteContext } from "../../practice-settings/site-context.ts";
import { safetyMessages as m } from "../../safety/messages.ts";
import { type BookingFrame, BookingLayout, LeaveLink } from "./booking-frame.tsx";

/**
 * The answer to a booking whose form held words that may mean the visitor is in danger: help first, in
 * this response only (never on the booking's page later, which a shared inbox's link reopens), then the
 * way on to the booking. The therapist is told without the words (book-consultation.ts).
 */
export function BookedWithHelpPage(props: {
  site: SiteContext;
  frame: BookingFrame;
  requested: boolean;
  manageUrl: string;
}) {
  const { site, frame, requested, manageUrl } = props;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath={frame.base}
      meta={{ title: "Your consultation", description: "Your consultation.", noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>{requested ? m.bookedRequestedHeading : m.bookedHeading}</h1>
        <div id="crisis-panel" class="crisis-panel" role="status">
          <p>
            <strong>{m.bookedCrisisLead}</strong>{" "}
            <LeaveLink frame={frame} href="/help-now">
              {m.crisisHelpLink}
            </LeaveLink>
            .
          </p>
          <p>{m.bookedNobodyReads}</p>
        </div>
        <p>
          <a class="button" href={manageUrl}>
            {m.bookedContinue}
          </a>
        </p>
      </div>
    </BookingLayout>
  );
}
