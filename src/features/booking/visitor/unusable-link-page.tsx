import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type BookingFrame, BookingLayout, siteFrame } from "./booking-frame.tsx";

/** A manage link that does not work: copied incompletely, or changed. Says what to do instead. */
export function UnusableLinkPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  const { contact } = site.practice;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{ title: "This link doesn't work", description: "This link doesn't work.", noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>This link doesn't work</h1>
        <p>
          It may have been copied only in part, or changed. The full link is in your confirmation email. If
          you can't find it, please contact the practice:{" "}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>.
        </p>
        <p>
          <a href={frame.base}>Book a consultation</a>
        </p>
      </div>
    </BookingLayout>
  );
}
