import { AnxietyAvoidanceChart } from "../instruments/anxiety-avoidance-chart.tsx";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { InstrumentScore, SubscaleScore } from "../instruments/score-instrument.ts";
import { measureMessages as words } from "./messages.ts";

/** Means to 2 decimals (as they are scored), sums as whole numbers. */
const number = (value: number, method: SubscaleScore["method"]) =>
  method === "mean" ? value.toFixed(2) : String(value);

function SubscaleLine({ subscale }: { subscale: SubscaleScore }) {
  if (subscale.score === null) {
    return (
      <li>
        {subscale.title}: not scored — {subscale.missingItems.length} of the questions it needs{" "}
        {subscale.missingItems.length === 1 ? "was" : "were"} not answered.
      </li>
    );
  }
  return (
    <li>
      {subscale.title}: <strong>{number(subscale.score, subscale.method)}</strong>{" "}
      <span class="muted">
        on a scale from {number(subscale.min, subscale.method)} to {number(subscale.max, subscale.method)}
        {subscale.method === "mean" ? " (the average of its answers)" : ""}
        {!subscale.complete ? `, with ${subscale.missingItems.length} left unanswered` : ""}
      </span>
    </li>
  );
}

/**
 * A measure's scores as numbers with plain meanings: never a label, a type or a diagnosis (DOMAIN.md
 * §5). The therapist also sees where a cut-off still awaits checking against its source.
 */
export function MeasureResults(props: {
  id: string;
  definition: InstrumentDefinition;
  score: InstrumentScore;
  forTherapist: boolean;
}) {
  const { id, definition, score, forTherapist } = props;
  const anxiety = score.subscales.find((s) => s.id === "anxiety")?.score;
  const avoidance = score.subscales.find((s) => s.id === "avoidance")?.score;
  // A cut-off still to be checked against its source is for the therapist's judgement only: a client
  // would read it as settled.
  const met = score.cutOffs.filter((cutOff) => cutOff.met === true && (forTherapist || !cutOff.verify));
  const undecided = score.cutOffs.filter((cutOff) => cutOff.met === null && (forTherapist || !cutOff.verify));
  return (
    <div class="stack">
      <ul>
        {score.subscales.map((subscale) => (
          <SubscaleLine key={subscale.id} subscale={subscale} />
        ))}
      </ul>
      {met.map((cutOff) => (
        <p key={cutOff.id} class={score.overall.kind === "screen" ? "contact-caution" : undefined}>
          {cutOff.wording}
          {forTherapist && cutOff.verify && <span class="muted">{words.cutOffUnchecked}</span>}
        </p>
      ))}
      {undecided.length > 0 && <p class="muted">{words.tooManyUnanswered}</p>}
      {definition.overall.kind === "dimensional" &&
        typeof anxiety === "number" &&
        typeof avoidance === "number" && (
          <AnxietyAvoidanceChart
            id={`chart-${id}`}
            anxiety={anxiety}
            avoidance={avoidance}
            title={`${definition.shortTitle}: anxiety and avoidance`}
          />
        )}
      {definition.nature === "reflection" && <p class="muted">{definition.ownWording?.notice}</p>}
    </div>
  );
}
