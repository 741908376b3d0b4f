import { FieldFrame } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { crisisPhrases } from "./crisis-words.ts";
import { selfCheckMessages as m } from "./messages.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";
import { type Question, reflectionSteps, safetyQuestions } from "./self-check-questions.ts";

/** Step ids in order; the safety step comes last, after the reflection. */
export const stepIds = [...reflectionSteps.map((s) => s.id), "safety"];

function QuestionField({ question, answers }: { question: Question; answers: SelfCheckAnswers }) {
  const value = answers.reflection[question.id];
  if (question.kind === "text") {
    return (
      <FieldFrame id={`q-${question.id}`} label={question.legend}>
        <textarea id={`q-${question.id}`} name={question.id} rows={3} maxLength={1000}>
          {typeof value === "string" ? value : ""}
        </textarea>
      </FieldFrame>
    );
  }
  const type = question.kind === "one" ? "radio" : "checkbox";
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset>
      <legend>{question.legend}</legend>
      {question.choices.map((choice) => (
        <div class="choice" key={choice.value}>
          <input
            type={type}
            id={`q-${question.id}-${choice.value}`}
            name={question.id}
            value={choice.value}
            checked={chosen.includes(choice.value)}
          />
          <label for={`q-${question.id}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function SafetyStep({ answers }: { answers: SelfCheckAnswers }) {
  return (
    <>
      <fieldset>
        <legend>{m.somewherePrivate}</legend>
        {(
          [
            ["yes", m.yes],
            ["no", m.skipThese],
          ] as const
        ).map(([value, label]) => (
          <div class="choice" key={value}>
            <input
              type="radio"
              id={`private-${value}`}
              name="private"
              value={value}
              checked={answers.private === value}
            />
            <label for={`private-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <p>{m.safetyIntro}</p>
      {safetyQuestions.map((q) => (
        <fieldset key={q.id}>
          <legend>{q.label}</legend>
          <div class="choice-row">
            {(
              [
                ["yes", m.yes],
                ["no", m.no],
                ["skip", m.ratherNotSay],
              ] as const
            ).map(([value, label]) => (
              <div class="choice" key={value}>
                <input
                  type="radio"
                  id={`safety-${q.id}-${value}`}
                  name={`safety-${q.id}`}
                  value={value}
                  checked={answers.safety[q.id] === value}
                />
                <label for={`safety-${q.id}-${value}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

/**
 * The whole self-check as one form. Every step is in the page and only the current one is shown:
 * without JavaScript each "Continue" posts the answers so far and the next step comes back; with it,
 * the next step is shown in place. Answers only ever travel by POST.
 */
export function SelfCheckPage(props: {
  site: SiteContext;
  step: string;
  answers: SelfCheckAnswers;
  crisis: boolean;
}) {
  const { site, step, answers, crisis } = props;
  const current = stepIds.includes(step) ? step : (stepIds[0] as string);
  return (
    <Layout
      site={site}
      meta={{
        title: m.title,
        description: m.description,
        canonicalPath: "/self-check",
      }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <div id="crisis-panel" class="crisis-panel" role="status" hidden={!crisis}>
          <p>
            <strong>{m.crisisLead}</strong>
            {m.crisisNobodyReads}
            <a href="/help-now">{m.findHelpNow}</a>.
          </p>
        </div>
        <form
          class="form"
          method="post"
          action="/self-check"
          novalidate
          data-steps="true"
          data-crisis-phrases={JSON.stringify(crisisPhrases)}
          data-crisis-panel="crisis-panel"
        >
          {reflectionSteps.map((s, index) => (
            <section
              class="stack"
              data-step={s.id}
              hidden={s.id !== current}
              key={s.id}
              aria-labelledby={`step-${s.id}`}
            >
              <h2 id={`step-${s.id}`} tabindex={-1}>
                {m.stepOf(index + 1, stepIds.length, s.title)}
              </h2>
              <p>{s.intro}</p>
              {s.questions.map((q) => (
                <QuestionField question={q} answers={answers} key={q.id} />
              ))}
              <p>
                <button class="button" type="submit" name="go" value={stepIds[index + 1]}>
                  {m.continue}
                </button>
              </p>
            </section>
          ))}
          <section
            class="stack"
            data-step="safety"
            hidden={current !== "safety"}
            aria-labelledby="step-safety"
          >
            <h2 id="step-safety" tabindex={-1}>
              {m.stepOf(stepIds.length, stepIds.length, m.safetyTitle)}
            </h2>
            <SafetyStep answers={answers} />
            <p>
              <button class="button" type="submit" name="go" value="result">
                {m.seeWhatItMeans}
              </button>
            </p>
          </section>
        </form>
      </div>
    </Layout>
  );
}
