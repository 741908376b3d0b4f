import { FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { embedMessages } from "../embed/messages.ts";
import { fullMoment } from "../messages.ts";
import type { BookingStatus } from "../request-expiry.ts";
import { TimeChoices } from "../time-choices.tsx";
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { kindWords, manageMessages as m, requestWords } from "./messages.ts";
import { RequestEnded, RequestWaiting, StatusLine } from "./request-status.tsx";
import type { Kind } from "./times-page.tsx";

export type ManageView = {
  token: string;
  start: number;
  zone: string;
  kind: Kind;
  meeting: "video" | "phone";
  place: string | undefined;
  /** As at the moment the page is shown: a request past its expiry reads as expired. */
  status: BookingStatus;
  /** When a request lapses without an answer. */
  expiresAt: number | undefined;
  /** The therapist's words when declining; "" when none. */
  declineMessage: string;
  /** The therapist's words with a move or cancellation they made; "" when none. */
  practiceMessage: string;
  /** Whom the consultation is with. */
  therapistName: string;
  /** Before the therapist's cut-off: the visitor may move it (a request may be withdrawn at any time). */
  changeable: boolean;
  cutoffHours: number;
  calendarLinks: { google: string; outlook: string };
};

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

export function ManagePage(props: {
  site: SiteContext;
  view: ManageView;
  formToken: string;
  notice?: string | undefined;
  problem?: string | undefined;
  /** Framed in the practice's own site, the page shows the booking and opens its full page in a new tab. */
  frame?: BookingFrame;
}) {
  const { site, view, formToken, notice, problem } = props;
  const frame = props.frame ?? siteFrame;
  const base = `/book/manage/${view.token}`;
  const active = view.status === "requested" || view.status === "confirmed";
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath={base}
      meta={{ title: m.title, description: `${m.title}.`, noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>{m.title}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <FormProblem message={problem} />
        <div class="card stack">
          <p>
            <strong>{fullMoment(view.start, view.zone)}</strong>
          </p>
          <p>{m.summary(kindWords[view.kind], view.meeting)}</p>
          <p>{m.with(view.therapistName)}</p>
          {view.practiceMessage !== "" && (
            <div class="stack">
              <p>
                <strong>{m.messageFrom(view.therapistName)}</strong>
              </p>
              <p class="entry-body">{view.practiceMessage}</p>
            </div>
          )}
          <StatusLine status={view.status} />
          {view.status === "confirmed" && view.place && <p>{view.place}</p>}
        </div>
        {view.status === "requested" && view.expiresAt !== undefined && (
          <RequestWaiting practice={site.practice.name} expiresAt={view.expiresAt} zone={view.zone} />
        )}
        {active && frame.embedded && (
          // Calendar files and changes happen on the full page, never inside another site's frame (record 041).
          <>
            <p>
              <LeaveLink frame={frame} href={base} class="button">
                {embedMessages.openConsultation}
              </LeaveLink>
            </p>
            <p class="muted">{embedMessages.consultationPageHint}</p>
          </>
        )}
        {active && !frame.embedded && (
          <ManageActions site={site} view={view} formToken={formToken} base={base} />
        )}
        {(view.status === "declined" || view.status === "expired") && (
          <RequestEnded
            status={view.status}
            practice={site.practice.name}
            message={view.declineMessage}
            bookPath={frame.base}
          />
        )}
        {view.status === "cancelled" && (
          <p>
            <a href={frame.base}>{requestWords.bookAnother}</a>
          </p>
        )}
        {!frame.embedded && <p class="muted">{m.keepPrivate}</p>}
      </div>
    </BookingLayout>
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
function ManageActions(props: { site: SiteContext; view: ManageView; formToken: string; base: string }) {
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

export function ReschedulePage(props: {
  site: SiteContext;
  token: string;
  zone: string;
  slots: Slot[];
  formToken: string;
  problem?: string | undefined;
}) {
  const { site, token, zone, slots, formToken, problem } = props;
  return (
    <Layout
      site={site}
      meta={{ title: m.chooseAnother, description: m.rescheduleDescription, noindex: true }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <p>
          <a href={`/book/manage/${token}`}>{m.back}</a>
        </p>
        <h1>{m.chooseAnother}</h1>
        <FormProblem message={problem} />
        <p class="muted">{m.shownIn(zone.replace(/_/g, " "))}</p>
        {slots.length === 0 ? (
          <p>{m.noOtherTimes}</p>
        ) : (
          <form class="form" method="post" action={`/book/manage/${token}/reschedule`} data-busy={m.moving}>
            <FormToken token={formToken} />
            <TimeChoices slots={slots} zone={zone} />
            <p>
              <button class="button" type="submit">
                {m.move}
              </button>
            </p>
          </form>
        )}
      </div>
    </Layout>
  );
}
