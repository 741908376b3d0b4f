import type { UndeliveredEmail } from "../../platform/mail/undelivered-emails.ts";
import { UndeliveredEmailsSection } from "../../platform/mail/undelivered-emails-section.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { ClientListing } from "../accounts/clients/list-clients.ts";
import { SignOutForm } from "../accounts/sign-out-form.tsx";
import type { BookingAttention } from "../booking/therapist/booking-attention.ts";
import type { NeedsYouItem } from "../notifications/needs-you.ts";
import { NeedsYouSection } from "../notifications/needs-you-section.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";

const statusWords: Record<ClientListing["status"], string> = {
  invited: "invited, not yet accepted",
  active: "active",
  closed: "closed",
};

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
    <Layout
      site={site}
      meta={{ title: "Your practice", description: "Your clients and invitations.", noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>Your practice</h1>
        <p>Signed in as {therapistName}.</p>
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
        {screenFlags.length > 0 && (
          <section class="contact-caution stack" aria-labelledby="screen-flags">
            <h2 id="screen-flags">Needs your attention</h2>
            <ul>
              {screenFlags.map((client) => (
                <li key={client.id}>
                  A screen for harm needs your attention:{" "}
                  <a href={`/practice/clients/${client.id}#measures`}>open {client.name}'s record</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {(booking.waitingRequests > 0 || booking.failingCalendars > 0) && (
          <section class="card stack" aria-labelledby="booking-attention">
            <h2 id="booking-attention">Consultations</h2>
            <ul>
              {booking.waitingRequests > 0 && (
                <li>
                  <a href="/practice/consultations">
                    {booking.waitingRequests === 1
                      ? "1 request is waiting for your answer"
                      : `${booking.waitingRequests} requests are waiting for your answer`}
                  </a>
                </li>
              )}
              {booking.failingCalendars > 0 && (
                <li>
                  <a href="/practice/booking/calendars">
                    {booking.failingCalendars === 1
                      ? "One of your calendars could not be read"
                      : `${booking.failingCalendars} of your calendars could not be read`}
                  </a>{" "}
                  — times it shows as busy may be out of date.
                </li>
              )}
            </ul>
          </section>
        )}
        <p>
          <a class="button" href="/practice/invite">
            Invite a client
          </a>
        </p>
        <h2>Your clients</h2>
        {groups.length === 0 ? (
          <p>No clients yet. Invite someone, or a couple, to give them a private space between sessions.</p>
        ) : (
          <ul class="client-list">
            {groups.map((group) => (
              <li class="card" key={group[0]?.id}>
                {group.length > 1 && <p class="muted">Couple</p>}
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
        <h2>Free consultations</h2>
        <ul>
          <li>
            <a href="/practice/consultations">Upcoming consultations</a>
          </li>
          <li>
            <a href="/practice/booking">Your hours and booking settings</a>
          </li>
        </ul>
        <h2>Measures</h2>
        <p>
          <a href="/practice/measures">The measures available, and which need their wording</a>
        </p>
        <h2>Your account</h2>
        <ul>
          <li>
            <a href="/account/sign-ins">Your sign-ins</a>
          </li>
          <li>
            <a href="/account/two-step">Move your second step to a new phone</a>
          </li>
          {isOwner && (
            <>
              <li>
                <a href="/practice/therapists">Therapists and demo data</a>
              </li>
              <li>
                <a href="/practice/audit">Audit log</a>
              </li>
            </>
          )}
        </ul>
        <SignOutForm token={token} />
      </div>
    </Layout>
  );
}
