import { CheckboxField, FormProblem, FormToken, RadioGroup } from "../../../platform/web/form-fields.tsx";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { InstrumentScore } from "../instruments/score-instrument.ts";
import type { MeasureAssignment } from "./measure-assignments.ts";
import { MeasureResults } from "./measure-results.tsx";

const day = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);

export type TherapistMeasure = {
  measure: MeasureAssignment;
  definition: InstrumentDefinition;
  score: InstrumentScore | null;
};

export type AssignForm = {
  token: string;
  /** Instruments that can be given now: their wording is in place. */
  choices: { id: string; title: string; therapistOnly: boolean; screen: boolean }[];
  values?: { instrument?: string; showClient?: boolean };
  errors?: Record<string, string>;
  problem?: string;
};

/**
 * The questionnaires section of a client's record: ask for one, see what is waiting, read the
 * results. A positive screen for harm comes first, whatever its date.
 */
export function TherapistMeasuresSection(props: {
  clientId: string;
  clientName: string;
  measures: TherapistMeasure[];
  form: AssignForm;
  timeZone: string;
}) {
  const { clientId, clientName, measures, form, timeZone } = props;
  const flagged = measures.filter(
    (m) => m.score?.overall.kind === "screen" && m.score.overall.result === "positive",
  );
  const others = measures.filter((m) => !flagged.includes(m));
  return (
    <section class="stack" id="measures" aria-labelledby="measures-heading">
      <h2 id="measures-heading">Questionnaires</h2>
      <p class="muted">
        {clientName} answers alone. Their partner never sees the answers, the results, or that you asked.
      </p>
      {[...flagged, ...others].map(({ measure, definition, score }) => (
        <article class="card stack" key={measure.id} aria-labelledby={`measure-${measure.id}`}>
          <h3 id={`measure-${measure.id}`}>{definition.title}</h3>
          {measure.answeredAt === null ? (
            <p class="muted">Asked on {day(measure.assignedAt, timeZone)}; not answered yet.</p>
          ) : (
            <>
              <p class="muted">
                Answered on {day(measure.answeredAt, timeZone)}
                {measure.resultsShownToClient ? " · the client can see these results" : " · seen by you only"}
                {measure.wording && "placeholder" in measure.wording && measure.wording.placeholder
                  ? " · placeholder wording, not for clinical use"
                  : ""}
              </p>
              {score && <MeasureResults id={measure.id} definition={definition} score={score} forTherapist />}
            </>
          )}
        </article>
      ))}
      <form method="post" action={`/practice/clients/${clientId}/measures`} class="form stack card">
        <h3>Ask for a questionnaire</h3>
        <FormToken token={form.token} />
        <FormProblem message={form.problem} />
        {form.choices.length === 0 ? (
          <p>No questionnaire is ready: published ones need their wording from an instrument pack.</p>
        ) : (
          <>
            <RadioGroup
              name="instrument"
              legend="Which questionnaire?"
              options={form.choices.map((c) => ({
                value: c.id,
                label: `${c.title}${c.therapistOnly ? " (results for you only, unless you tick below)" : ""}`,
              }))}
              value={form.values?.instrument}
              error={form.errors?.instrument}
            />
            <CheckboxField
              name="showClient"
              label={`Let ${clientName} see the results of a questionnaire that is normally for you only (never for a screen for harm)`}
              checked={form.values?.showClient === true}
            />
            <button class="button" type="submit">
              Ask {clientName}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
