import type { SiteContext } from "../../practice-settings/site-context.ts";
import { fullMoment } from "../messages.ts";
import type { ManageView } from "./manage-page.tsx";
import { manageMessages as m } from "./messages.ts";

function ContactPractice({ site }: { site: SiteContext }) {
  const { contact } = site.practice;
  return (
    <p>
      {m.moveByContact} <a href={`mailto:${contact.email}`}>{contact.email}</a>
      {contact.phone && (
        <>
          {" "}
          {m.or} <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
        </>
      )}
      .
    </p>
  );
}

/**
 * "Choose another time" (when it may still move) and the way to end it: a link to the step that says what
 * cancelling or withdrawing does and asks, optionally, why (a GET changes nothing; that page's button POSTs).
 */
function MoveOrEnd(props: { base: string; canMove: boolean; label: string }) {
  const { base, canMove, label } = props;
  return (
    <>
      {canMove && (
        <p>
          <a class="button button--quiet" href={`${base}/reschedule`}>
            {m.chooseAnother}
          </a>
        </p>
      )}
      <p>
        <a class="button button--quiet" href={`${base}/cancel`}>
          {label}
        </a>
      </p>
    </>
  );
}

/** What the visitor can do with an active booking: withdraw or move a request; add, move or cancel one confirmed. */
export function ManageActions(props: { site: SiteContext; view: ManageView; base: string }) {
  const { site, view, base } = props;
  if (view.status === "requested")
    return view.expiresAt === undefined ? null : (
      <>
        <h2>{m.changeOrWithdraw}</h2>
        <MoveOrEnd base={base} canMove={view.changeable} label={m.withdraw} />
      </>
    );
  return (
    <>
      <h2>{m.addToCalendar}</h2>
      <p class="muted">{m.calendarTitled}</p>
      <ul>
        <li>
          <a href={`${base}/consultation.ics`} download="consultation.ics">
            {m.calendarFile}
          </a>
        </li>
        <li>
          <a href={view.calendarLinks.google} rel="noreferrer noopener">
            Google Calendar
          </a>
        </li>
        <li>
          <a href={view.calendarLinks.outlook} rel="noreferrer noopener">
            Outlook.com
          </a>
        </li>
      </ul>
      <h2>{m.changeOrCancel}</h2>
      {view.changeable && view.graceUntil !== undefined && (
        <p>{m.inGrace(fullMoment(view.graceUntil, view.zone))}</p>
      )}
      {!view.changeable && (
        <>
          <p>{m.tooLate(view.cutoffHours)}</p>
          <ContactPractice site={site} />
        </>
      )}
      <MoveOrEnd base={base} canMove={view.changeable} label={m.cancel} />
    </>
  );
}
