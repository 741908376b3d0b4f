import { FormToken } from "../../../platform/web/form-fields.tsx";
import type { MeasureChart } from "./measure-charts.ts";
import { chartMessages as m } from "./messages.ts";
import { ScoreChart } from "./score-chart.tsx";

export type ClientCharts = {
  charts: MeasureChart[];
  /** In a couple with joint work open: each chart offers to show this person's line to their partner. */
  canShare: boolean;
  token: string;
  notice?: string | undefined;
};

/** The client's own measures over time, each with the choice of showing their line to their partner. */
export function ClientChartsSection({ view, timeZone }: { view: ClientCharts; timeZone: string }) {
  if (view.charts.length === 0) return null;
  return (
    <section class="stack" id="over-time" aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">{m.heading}</h2>
      {view.notice && (
        <p class="form-problem" role="status">
          {view.notice}
        </p>
      )}
      {view.charts.map((chart) => (
        <article
          class="card stack"
          key={chart.definition.id}
          aria-labelledby={`chart-${chart.definition.id}`}
        >
          <h3 id={`chart-${chart.definition.id}`}>{chart.definition.title}</h3>
          <ScoreChart chart={chart} names={{ self: m.you, partner: m.yourPartner }} timeZone={timeZone} />
          {view.canShare && (
            <form method="post" action={`/my/measures/charts/${chart.definition.id}/sharing`} class="stack">
              <FormToken token={view.token} />
              <p class="muted">{chart.sharedBySelf ? m.shared : m.shareHint}</p>
              <input type="hidden" name="share" value={chart.sharedBySelf ? "no" : "yes"} />
              <p>
                <button class={chart.sharedBySelf ? "button button--quiet" : "button"} type="submit">
                  {chart.sharedBySelf ? m.unshare : m.share}
                  <span class="visually-hidden">{m.shareWhat(chart.definition.title)}</span>
                </button>
              </p>
            </form>
          )}
        </article>
      ))}
    </section>
  );
}
