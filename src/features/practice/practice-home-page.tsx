import type { UndeliveredEmail } from "../../platform/mail/undelivered-emails.ts";
import { UndeliveredEmailsSection } from "../../platform/mail/undelivered-emails-section.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { ClientListing } from "../accounts/clients/list-clients.ts";
import { SignOutForm } from "../accounts/sign-out-form.tsx";
import type { BookingAttention } from "../booking/therapist/booking-attention.ts";
import type { NeedsYouItem } from "../notifications/needs-you.ts";
import { NeedsYouSection } from "../notifications/needs-you-section.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { StaleHelpLinesSection } from "../practice-settings/stale-help-lines-section.tsx";
import { practiceMessages as m } from "./messages.ts";

const statusWords: Record<ClientListing["status"], string> = m.clientStatus;

export function PracticeHomePage(props: {
  site: SiteContext;
  therapistName: string;
  isOwner: boolean;
  groups: ClientListing[][];
  /** Clients with a positive screen for harm: named here, the answers only in their record. */
  screenFlags: ClientListing[];
  booking: BookingAttention;
  /** Notifications nobody has marked seen, newest first (who and what kind, never the content). */
  needsYou: NeedsYouItem[];
  notifyByEmail: boolean;
  timeZone: string;
  needsYouToken: string;
  /** The owner's only: emails whose every attempt failed, with whom they were for. */
  undeliveredEmails: UndeliveredEmail[];
  notice?: string | undefined;
  token: string;
}) {
  const { site, therapistName, isOwner, groups, screenFlags, booking, notice, token } = props;
  return (
    <Layout site={site} meta={{ title: m.homeTitle, description: m.homeDescription, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.homeTitle}</h1>
        <p>{m.signedInAs(therapistName)}</p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <NeedsYouSection
          items={props.needsYou}
          timeZone={props.timeZone}
          token={props.needsYouToken}
          notifyByEmail={props.notifyByEmail}
        />
        <UndeliveredEmailsSection items={props.undeliveredEmails} timeZone={props.timeZone} />
        <StaleHelpLinesSection site={site} isOwner={isOwner} />
        {screenFlags.length > 0 && (
          <section class="contact-caution stack" aria-labelledby="screen-flags">
            <h2 id="screen-flags">{m.attentionHeading}</h2>
            <ul>
              {screenFlags.map((client) => (
                <li key={client.id}>
                  {m.screenNeedsAttention}{" "}
                  <a href={`/practice/clients/${client.id}#measures`}>{m.openRecord(client.name)}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {(booking.waitingRequests > 0 || booking.failingCalendars > 0) && (
          <section class="card stack" aria-labelledby="booking-attention">
            <h2 id="booking-attention">{m.consultationsHeading}</h2>
            <ul>
              {booking.waitingRequests > 0 && (
                <li>
                  <a href="/practice/consultations">{m.requestsWaiting(booking.waitingRequests)}</a>
                </li>
              )}
              {booking.failingCalendars > 0 && (
                <li>
                  <a href="/practice/booking/calendars">{m.calendarsUnread(booking.failingCalendars)}</a>{" "}
                  {m.calendarsStale}
                </li>
              )}
            </ul>
          </section>
        )}
        <p>
          <a class="button" href="/practice/invite">
            {m.inviteClient}
          </a>
        </p>
        <h2>{m.yourClients}</h2>
        {groups.length === 0 ? (
          <p>{m.noClients}</p>
        ) : (
          <ul class="client-list">
            {groups.map((group) => (
              <li class="card" key={group[0]?.id}>
                {group.length > 1 && <p class="muted">{m.couple}</p>}
                <ul>
                  {group.map((client) => (
                    <li key={client.id}>
                      <a href={`/practice/clients/${client.id}`}>{client.name}</a>{" "}
                      <span class="muted">— {statusWords[client.status]}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        <h2>{m.freeConsultations}</h2>
        <ul>
          <li>
            <a href="/practice/consultations">{m.upcomingConsultations}</a>
          </li>
          <li>
            <a href="/practice/booking">{m.hoursAndSettings}</a>
          </li>
        </ul>
        <h2>{m.measuresHeading}</h2>
        <p>
          <a href="/practice/measures">{m.measuresLink}</a>
        </p>
        <h2>{m.yourAccount}</h2>
        <ul>
          <li>
            <a href="/account/sign-ins">{m.yourSignIns}</a>
          </li>
          <li>
            <a href="/account/two-step">{m.moveSecondStep}</a>
          </li>
          {isOwner && (
            <>
              <li>
                <a href="/practice/therapists">{m.therapistsAndDemo}</a>
              </li>
              <li>
                <a href="/practice/settings">{m.practiceSettings}</a>
              </li>
              <li>
                <a href="/practice/articles">{m.articlesLink}</a>
              </li>
              <li>
                <a href="/practice/audit">{m.auditLog}</a>
              </li>
            </>
          )}
        </ul>
        <SignOutForm token={token} />
      </div>
    </Layout>
  );
}
