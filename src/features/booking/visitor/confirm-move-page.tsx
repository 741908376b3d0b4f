import { FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { fullMoment } from "../messages.ts";
import { bookUrl } from "./book-url.ts";
import { kindWords, manageMessages as m, moveMessages as v } from "./messages.ts";
import type { Kind } from "./times-page.tsx";

export type MoveView = {
  token: string;
  /** The time the booking holds now, and the one chosen on the times page. */
  current: number;
  start: number;
  /** The zone and week the time was chosen in: "choose another time" goes back to them. */
  zone: string;
  week?: number | undefined;
  /** The booking's zone, when it differs from the one chosen: the move brings the chosen one with it. */
  bookingZone: string;
  kind: Kind;
  meeting: "video" | "phone";
  therapistName: string;
  /** A request stays a request at its new time. */
  requested: boolean;
};

/**
 * The step between choosing a time and moving to it: from what, to what, and one button that moves (the
 * times page's links are GETs, and a GET changes nothing). Like booking's details page, it is where a
 * slip of the finger on a small screen is caught.
 */
export function ConfirmMovePage(props: {
  site: SiteContext;
  view: MoveView;
  formToken: string;
  problem?: string | undefined;
}) {
  const { site, view, formToken, problem } = props;
  const base = `/book/manage/${view.token}`;
  const place = view.zone.replace(/_/g, " ");
  return (
    <Layout site={site} meta={{ title: v.title, description: m.rescheduleDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <p>
          <a href={bookUrl(`${base}/reschedule`, { zone: view.zone, week: view.week })}>{v.chooseAnother}</a>
        </p>
        <h1>{v.title}</h1>
        <FormProblem message={problem} />
        <div class="card stack">
          <p>
            {v.from} {fullMoment(view.current, view.zone)}
          </p>
          <p>
            {v.to} <strong>{fullMoment(view.start, view.zone)}</strong>
          </p>
          <p>{m.summary(kindWords[view.kind], view.meeting)}</p>
          <p>{m.with(view.therapistName)}</p>
        </div>
        {/* Each time above already names its zone; only a change of the booking's zone needs saying. */}
        {view.zone !== view.bookingZone && <p>{v.zoneFromNow(place)}</p>}
        <p>{view.requested ? v.whatHappensRequest(view.therapistName) : v.whatHappens(view.therapistName)}</p>
        <form class="form" method="post" action={`${base}/reschedule`} data-busy={m.moving}>
          <FormToken token={formToken} />
          <input type="hidden" name="start" value={String(view.start)} />
          <input type="hidden" name="zone" value={view.zone} />
          {view.week !== undefined && <input type="hidden" name="week" value={String(view.week)} />}
          <p>
            <button class="button" type="submit">
              {v.move}
            </button>
          </p>
        </form>
        <p>
          <a href={base}>{v.keep}</a>
        </p>
      </div>
    </Layout>
  );
}
