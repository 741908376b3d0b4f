import type { UndeliveredEmail } from "../../../platform/mail/undelivered-emails.ts";
import { UndeliveredEmailsSection } from "../../../platform/mail/undelivered-emails-section.tsx";
import { glanceMessages as m } from "./messages.ts";

/** Calendars that could not be read, and (for the owner) emails that could not be sent. */
export function FailuresSection(props: {
  failingCalendars: number;
  undeliveredEmails: UndeliveredEmail[];
  timeZone: string;
}) {
  return (
    <>
      {props.failingCalendars > 0 && (
        <section class="card stack" aria-labelledby="calendar-failures">
          <h2 id="calendar-failures">{m.failuresHeading}</h2>
          <p>
            <a href="/practice/booking/calendars">{m.calendarsUnread(props.failingCalendars)}</a>{" "}
            {m.calendarsStale}
          </p>
        </section>
      )}
      <UndeliveredEmailsSection items={props.undeliveredEmails} timeZone={props.timeZone} />
    </>
  );
}
