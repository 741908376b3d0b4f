import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type BookingFrame, BookingLayout, siteFrame } from "./booking-frame.tsx";
import { unavailableMessages as m } from "./messages.ts";

/** A manage link that does not work: copied incompletely, or changed. Says what to do instead. */
export function UnusableLinkPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  const { contact } = site.practice;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{ title: m.linkTitle, description: `${m.linkTitle}.`, noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>{m.linkTitle}</h1>
        <p>
          {m.linkPartly} <a href={`mailto:${contact.email}`}>{contact.email}</a>.
        </p>
        <p>
          <a href={frame.base}>{m.bookConsultation}</a>
        </p>
      </div>
    </BookingLayout>
  );
}
