import { FormToken } from "../../../platform/web/form-fields.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { ManageView } from "./manage-page.tsx";
import { manageMessages as m } from "./messages.ts";

function ContactPractice({ site }: { site: SiteContext }) {
  const { contact } = site.practice;
  return (
    <p>
      {m.contactPractice} <a href={`mailto:${contact.email}`}>{contact.email}</a>
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

/** "Choose another time" (when it may still move) and the one button that ends it: cancel, or withdraw. */
function MoveOrEnd(props: {
  base: string;
  formToken: string;
  canMove: boolean;
  busy: string;
  label: string;
}) {
  const { base, formToken, canMove, busy, label } = props;
  return (
    <>
      {canMove && (
        <p>
          <a class="button button--quiet" href={`${base}/reschedule`}>
            {m.chooseAnother}
          </a>
        </p>
      )}
      <form method="post" action={`${base}/cancel`} data-busy={busy}>
        <FormToken token={formToken} />
        <button class="button button--quiet" type="submit">
          {label}
        </button>
      </form>
    </>
  );
}

/** What the visitor can do with an active booking: withdraw or move a request; add, move or cancel one confirmed. */
export function ManageActions(props: {
  site: SiteContext;
  view: ManageView;
  formToken: string;
  base: string;
}) {
  const { site, view, formToken, base } = props;
  if (view.status === "requested")
    return view.expiresAt === undefined ? null : (
      <>
        <h2>{m.changeOrWithdraw}</h2>
        <MoveOrEnd
          base={base}
          formToken={formToken}
          canMove={view.changeable}
          busy={m.withdrawing}
          label={m.withdraw}
        />
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
      {view.changeable ? (
        <MoveOrEnd base={base} formToken={formToken} canMove busy={m.cancelling} label={m.cancel} />
      ) : (
        <>
          <p>{m.tooLate(view.cutoffHours)}</p>
          <ContactPractice site={site} />
        </>
      )}
    </>
  );
}
