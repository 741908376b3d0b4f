import { FormProblem } from "../../../platform/web/form-fields.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { embedMessages } from "../embed/messages.ts";
import { fullMoment } from "../messages.ts";
import type { BookingStatus } from "../request-expiry.ts";
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { ManageActions } from "./manage-actions.tsx";
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
  /** The video link, only when it is a plain web address (`web-link.ts`); shown as a link. */
  videoLink: string | undefined;
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
  /** Inside the cut-off but still within the grace window after booking: when that window ends. */
  graceUntil: number | undefined;
  calendarLinks: { google: string; outlook: string };
};

/** Where to meet: the video link as a link, or the phone arrangement (or any other wording) as text. */
function MeetingPlace({ view }: { view: ManageView }) {
  if (view.meeting === "video" && view.videoLink)
    return (
      <p>
        {/* The call opens in its own tab, so this page (and an embedding site) stays where it was. */}
        {m.joinVideo}{" "}
        <a href={view.videoLink} target="_blank" rel="noopener">
          {view.videoLink}
        </a>
      </p>
    );
  return view.place ? <p>{view.place}</p> : null;
}

/** For a couple: how the partner joins (the same call), and what happens in and after the consultation. */
function CoupleNext({ view }: { view: ManageView }) {
  const requested = view.status === "requested";
  return (
    <section class="stack" aria-labelledby="couple-heading">
      <h2 id="couple-heading">{m.coupleHeading}</h2>
      <p>{view.meeting === "video" ? m.partnerJoinsVideo(requested) : m.partnerJoinsPhone}</p>
      <p>{m.partnerNotThisPage(view.meeting)}</p>
      <p>{m.whatHappens(view.therapistName)}</p>
      <p>{m.afterwards}</p>
    </section>
  );
}

export function ManagePage(props: {
  site: SiteContext;
  view: ManageView;
  notice?: string | undefined;
  problem?: string | undefined;
  /** Framed in the practice's own site, the page shows the booking and opens its full page in a new tab. */
  frame?: BookingFrame;
}) {
  const { site, view, notice, problem } = props;
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
          {view.status === "confirmed" && <MeetingPlace view={view} />}
        </div>
        {view.kind === "couple" && (view.status === "confirmed" || view.status === "requested") && (
          <CoupleNext view={view} />
        )}
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
        {active && !frame.embedded && <ManageActions site={site} view={view} base={base} />}
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
