import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { kindWords, timesMessages as m } from "./messages.ts";
import type { Kind } from "./times-page.tsx";

/** The flow's first page: who the consultation is for. */
export function KindPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{
        title: m.kindTitle,
        description: m.kindDescription,
        canonicalPath: "/book",
      }}
    >
      <div class="prose-width section stack">
        <h1>{m.kindTitle}</h1>
        <p>{m.kindIntro}</p>
        <form class="form" method="get" action={frame.base}>
          <fieldset>
            <legend>{m.kindLegend}</legend>
            {(Object.keys(kindWords) as Kind[]).map((kind, index) => (
              <div class="choice" key={kind}>
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={index === 0} />
                <label for={`kind-${kind}`}>{kindWords[kind]}</label>
              </div>
            ))}
          </fieldset>
          <p>
            <button class="button" type="submit">
              {m.seeTimes}
            </button>
          </p>
        </form>
        <p class="muted">
          {m.inDanger}{" "}
          <LeaveLink frame={frame} href="/help-now">
            {m.findHelp}
          </LeaveLink>
          .
        </p>
      </div>
    </BookingLayout>
  );
}
