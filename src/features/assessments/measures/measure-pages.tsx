import { dates } from "../../../platform/web/date-time-formats.ts";
import { FormProblem, FormToken, RadioGroup } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { CrisisPanel } from "../../safety/crisis-panel.tsx";
import { type ClientCharts, ClientChartsSection } from "../charts/client-charts-section.tsx";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { InstrumentScore } from "../instruments/score-instrument.ts";
import { MeasureResults } from "./measure-results.tsx";
import { isExampleWording, type MeasureWording } from "./measure-wording.ts";
import { measureMessages as words } from "./messages.ts";
import { itemField, skipValue } from "./read-measure-answers.ts";

const day = dates.dayAndMonth;

export type MeasureListItem = {
  id: string;
  title: string;
  assignedAt: Date;
  answeredAt: Date | null;
  resultsVisible: boolean;
};

/** Every page of a questionnaire: the quick exit (which signs out) and the way back to the list. */
export function MeasurePageFrame(props: {
  site: SiteContext;
  title: string;
  children: preact.ComponentChildren;
}) {
  const { site, title, children } = props;
  return (
    <Layout site={site} meta={{ title, description: title, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my/measures">{words.backToList}</a>
        </p>
        {children}
      </div>
    </Layout>
  );
}

/** The questionnaires a client's therapist asked them to answer. */
export function MeasureListPage(props: {
  site: SiteContext;
  measures: MeasureListItem[];
  timeZone: string;
  charts?: ClientCharts | undefined;
  /** An individual client's page does not speak of a partner. */
  inCouple: boolean;
}) {
  const { site, measures, timeZone, charts, inCouple } = props;
  const waiting = measures.filter((m) => m.answeredAt === null);
  const answered = measures.filter((m) => m.answeredAt !== null);
  return (
    <Layout site={site} meta={{ title: words.listTitle, description: words.listDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">{words.backToSpace}</a>
        </p>
        <h1>{words.listTitle}</h1>
        <p>{words.listIntro(inCouple)}</p>
        <h2>{words.waitingHeading}</h2>
        {waiting.length === 0 ? (
          <p>{words.nothingWaiting}</p>
        ) : (
          <ul class="client-list">
            {waiting.map((m) => (
              <li class="card" key={m.id}>
                <a href={`/my/measures/${m.id}`}>{m.title}</a>
                <p class="muted">{words.askedOn(day(m.assignedAt, timeZone))}</p>
              </li>
            ))}
          </ul>
        )}
        {answered.length > 0 && (
          <>
            <h2>{words.answeredHeading}</h2>
            <ul class="client-list">
              {answered.map((m) => (
                <li class="card" key={m.id}>
                  {m.resultsVisible ? <a href={`/my/measures/${m.id}`}>{m.title}</a> : <span>{m.title}</span>}
                  <p class="muted">
                    {words.answeredOn(day(m.answeredAt ?? m.assignedAt, timeZone))}
                    {m.resultsVisible ? "" : words.goesThroughWithYou}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
        {charts && <ClientChartsSection view={charts} timeZone={timeZone} />}
      </div>
    </Layout>
  );
}

/**
 * Placeholder wording, which only the demo offers: said plainly at the top, so nobody mistakes its
 * stand-in questions for a real questionnaire or its answers for a result.
 */
function ExampleWordingBanner() {
  return (
    <div class="example-wording" role="note">
      <p>
        <strong>{words.exampleWording}</strong>
      </p>
      <p>{words.exampleWordingExplained}</p>
    </div>
  );
}

/** One questionnaire to answer: every question may be left with “I’d rather not say”. */
export function AnswerMeasurePage(props: {
  site: SiteContext;
  id: string;
  wording: MeasureWording;
  safetyScreen: boolean;
  token: string;
  chosen?: Record<string, string>;
  errors?: Record<string, string>;
  problem?: string | undefined;
}) {
  const { site, id, wording, safetyScreen, token, chosen = {}, errors = {}, problem } = props;
  return (
    <MeasurePageFrame site={site} title={wording.title}>
      <h1>{wording.title}</h1>
      {safetyScreen && <p class="contact-caution">{words.somewherePrivate}</p>}
      {wording.notice && <p class="muted">{wording.notice}</p>}
      {wording.instructions && <p>{wording.instructions}</p>}
      {isExampleWording(wording.source) && <ExampleWordingBanner />}
      <form method="post" action={`/my/measures/${id}`} class="form stack" data-busy-form>
        <FormToken token={token} />
        <FormProblem message={problem} />
        {wording.items.map((item, index) => (
          <RadioGroup
            key={item.id}
            name={itemField(item.id)}
            legend={`${index + 1}. ${item.text}`}
            options={[
              ...item.options.map((option) => ({ value: String(option.value), label: option.label })),
              { value: skipValue, label: words.ratherNotSay },
            ]}
            value={chosen[item.id]}
            error={errors[item.id]}
          />
        ))}
        <p class="muted">{words.cannotChange}</p>
        <button class="button" type="submit">
          {words.sendAnswers}
        </button>
      </form>
    </MeasurePageFrame>
  );
}

/** After answering: the results where the client may see them, otherwise a calm word of what happens next. */
export function AnsweredMeasurePage(props: {
  site: SiteContext;
  id: string;
  title: string;
  answeredAt: Date;
  timeZone: string;
  results?: { definition: InstrumentDefinition; score: InstrumentScore } | undefined;
  /** Answered with placeholder wording: there is no result to show, and the page says why. */
  exampleWording?: boolean;
  /** A "yes" to a safety question, in the response to the answers only: help first. */
  crisis?: boolean;
}) {
  const { site, id, title, answeredAt, timeZone, results, exampleWording = false, crisis = false } = props;
  return (
    <MeasurePageFrame site={site} title={title}>
      <h1>{title}</h1>
      <CrisisPanel shown={crisis} />
      {exampleWording && <ExampleWordingBanner />}
      <p>{words.thankYou(day(answeredAt, timeZone))}</p>
      {exampleWording ? null : results ? (
        <>
          <h2>{words.yourResults}</h2>
          <MeasureResults
            id={id}
            definition={results.definition}
            score={results.score}
            forTherapist={false}
          />
          <p class="muted">{words.notAVerdict}</p>
        </>
      ) : (
        <p>{words.therapistWillGoThrough}</p>
      )}
    </MeasurePageFrame>
  );
}

/** When a published measure's wording has been taken out of the practice's pack since it was asked for. */
export function UnavailableMeasurePage({ site }: { site: SiteContext }) {
  return (
    <MeasurePageFrame site={site} title={words.unavailableTitle}>
      <h1>{words.unavailableTitle}</h1>
      <p>{words.unavailable}</p>
    </MeasurePageFrame>
  );
}
