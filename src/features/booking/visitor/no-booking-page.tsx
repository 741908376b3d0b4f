import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type BookingFrame, BookingLayout, siteFrame } from "./booking-frame.tsx";

/** When no therapist is taking online bookings: how to reach the practice instead. */
export function NoBookingPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  const { contact } = site.practice;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{ title: "Book a free consultation", description: "Contact the practice.", noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>Book a free consultation</h1>
        <p>
          Online booking isn't open at the moment. Please get in touch and the practice will offer you a time.
        </p>
        <ul>
          <li>
            Email: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
          {contact.phone && (
            <li>
              Phone: <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
            </li>
          )}
        </ul>
        <p>
          Tell us how to contact you safely — for example, whether we may leave a voicemail — and we will keep
          to it.
        </p>
      </div>
    </BookingLayout>
  );
}
