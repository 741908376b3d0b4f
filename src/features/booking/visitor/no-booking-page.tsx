import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type BookingFrame, BookingLayout, siteFrame } from "./booking-frame.tsx";
import { unavailableMessages as m } from "./messages.ts";

/** When no therapist is taking online bookings: how to reach the practice instead. */
export function NoBookingPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  const { contact } = site.practice;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{ title: m.noBookingTitle, description: m.noBookingDescription, noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>{m.noBookingTitle}</h1>
        <p>{m.notOpen}</p>
        <ul>
          <li>
            {m.email} <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
          {contact.phone && (
            <li>
              {m.phone} <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
            </li>
          )}
        </ul>
        <p>{m.tellUsHow}</p>
      </div>
    </BookingLayout>
  );
}
