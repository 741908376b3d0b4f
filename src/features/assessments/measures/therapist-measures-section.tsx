import { dates } from "../../../platform/web/date-time-formats.ts";
import { CheckboxField, FormProblem, FormToken, RadioGroup } from "../../../platform/web/form-fields.tsx";
import type { MeasureChart } from "../charts/measure-charts.ts";
import { chartMessages } from "../charts/messages.ts";
import { ScoreChart } from "../charts/score-chart.tsx";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { AnswerLine } from "./answer-lines.ts";
import type { MeasureAssignment } from "./measure-assignments.ts";
import { MeasureResults } from "./measure-results.tsx";
import { isExampleWording } from "./measure-wording.ts";
import { therapistMeasureMessages as m, measureMessages } from "./messages.ts";
import type { MeasureOutcome } from "./score-measure.ts";
import { orderForTherapist } from "./therapist-measure-order.ts";
import { HowOften, type ScheduleLine, ScheduleList } from "./therapist-schedule-fields.tsx";

const day = dates.long;

export type TherapistMeasure = {
  measure: MeasureAssignment;
  definition: InstrumentDefinition;
  outcome: MeasureOutcome;
  /** For a screen for harm: each question and its answer, which the therapist needs to follow up. */
  answerLines?: AnswerLine[] | undefined;
};

export type AssignForm = {
  token: string;
  /** Instruments that can be given now: their wording is in place. */
  choices: { id: string; title: string; therapistOnly: boolean; screen: boolean }[];
  /** Measures held back because their wording is only the placeholder pack's (outside demo mode). */
  withheld?: string[];
  values?: { instrument?: string; showClient?: boolean; often?: string; weekday?: string };
  errors?: Record<string, string>;
  problem?: string;
  /** Said instead of the form when the client cannot be asked (a closed account). */
  closed?: string | undefined;
  /** Measures asked for every week, each with a button to stop. */
  schedules?: ScheduleLine[];
  stopToken?: string;
};

/** What a therapist reads about one answered measure. */
function AnsweredBody({ item, clientName }: { item: TherapistMeasure; clientName: string }) {
  const { measure, definition, outcome, answerLines } = item;
  if (outcome.kind === "declined") {
    return (
      <p>
        <strong>{m.declinedLabel}</strong> {m.declined(clientName)}
      </p>
    );
  }
  if (outcome.kind === "example-wording") {
    return (
      <p>
        <strong>{m.exampleWordingLabel}</strong> {m.exampleAnswered(clientName)}
      </p>
    );
  }
  if (outcome.kind === "unscorable") {
    return <p class="form-problem">{m.unscorable}</p>;
  }
  return (
    <>
      {outcome.kind === "scored" && (
        <MeasureResults id={measure.id} definition={definition} score={outcome.score} forTherapist />
      )}
      {answerLines && (
        <dl class="data-row">
          {answerLines.map((line) => (
            <div key={line.question}>
              <dt>{line.question}</dt>
              <dd>{line.answer}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** Beside the choice: which measures are not offered, why, and where to read more. */
function WithheldNote({ titles = [] }: { titles?: string[] | undefined }) {
  if (titles.length === 0) return null;
  return (
    <p class="muted" id="measures-withheld">
      {m.withheld(titles)}
      <a href="/practice/measures">{m.measuresLink}</a>
      {m.withheldTail}
    </p>
  );
}

/**
 * The questionnaires section of a client's record: ask for one, see what is waiting, read the
 * results. A positive screen for harm comes first, whatever its date, then a screen still waiting.
 */
export function TherapistMeasuresSection(props: {
  clientId: string;
  clientName: string;
  measures: TherapistMeasure[];
  form: AssignForm;
  timeZone: string;
  charts?: MeasureChart[];
  partnerName?: string;
}) {
  const { clientId, clientName, measures, form, timeZone, charts = [], partnerName = "" } = props;
  return (
    <section class="stack" id="measures" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{m.heading}</h2>
      <p class="muted">{m.answersAlone(clientName, partnerName !== "")}</p>
      {orderForTherapist(measures).map((item) => {
        const { measure, definition } = item;
        return (
          <article class="card stack" key={measure.id} aria-labelledby={`measure-${measure.id}`}>
            <h3 id={`measure-${measure.id}`}>{definition.title}</h3>
            {measure.answeredAt === null ? (
              <p class="muted">{m.askedNotAnswered(day(measure.assignedAt, timeZone))}</p>
            ) : (
              <>
                <p class="muted">
                  {measureMessages.answeredOn(day(measure.answeredAt, timeZone))}
                  {measure.resultsShownToClient ? m.clientSeesResults : m.youOnly}
                  {isExampleWording(measure.wording) ? m.exampleWording : ""}
                </p>
                <AnsweredBody item={item} clientName={clientName} />
              </>
            )}
          </article>
        );
      })}
      {charts.map((chart) => (
        <article class="card stack" key={`chart-${chart.definition.id}`}>
          <h3>{chartMessages.therapistTitle(chart.definition.title)}</h3>
          {chart.lines.length > 1 && <p class="muted">{chartMessages.therapistBoth}</p>}
          <ScoreChart chart={chart} names={{ self: clientName, partner: partnerName }} timeZone={timeZone} />
        </article>
      ))}
      <ScheduleList clientId={clientId} schedules={form.schedules ?? []} token={form.stopToken ?? ""} />
      {form.closed ? (
        <div class="card stack">
          <h3>{m.askHeading}</h3>
          <FormProblem message={form.problem} />
          <p>{form.closed}</p>
        </div>
      ) : (
        <form method="post" action={`/practice/clients/${clientId}/measures`} class="form stack card">
          <h3>{m.askHeading}</h3>
          <FormToken token={form.token} />
          <FormProblem message={form.problem} />
          {form.choices.length === 0 ? (
            <>
              <p>{m.noneReady}</p>
              <WithheldNote titles={form.withheld} />
            </>
          ) : (
            <>
              <RadioGroup
                name="instrument"
                legend={m.whichOne}
                options={form.choices.map((c) => ({
                  value: c.id,
                  label: `${c.title}${c.therapistOnly ? m.forYouOnly : ""}`,
                }))}
                value={form.values?.instrument}
                error={form.errors?.instrument}
              />
              <WithheldNote titles={form.withheld} />
              <HowOften values={form.values} errors={form.errors} />
              <CheckboxField
                name="showClient"
                label={m.letClientSee(clientName)}
                checked={form.values?.showClient === true}
              />
              <button class="button" type="submit">
                {m.askClient(clientName)}
              </button>
            </>
          )}
        </form>
      )}
    </section>
  );
}
