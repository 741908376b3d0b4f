import { Fragment, type VNode } from "preact";
import { CheckboxField, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { CountryHelp } from "../../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { EmergencyCall, HelpLineGroup } from "../../site/help-now-page.tsx";
import { selfCheckMessages as m } from "./messages.ts";
import type { Recommendation, ResultSection } from "./recommend.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";

const momentWords = m.moments;
const patternWords = m.patterns;
const roleWords = m.roles;

/** Help to show first: the practice's country, with a way to choose another on the help-now page. */
function HelpFirst({ country, recommendation }: { country: CountryHelp; recommendation: Recommendation }) {
  const { help } = recommendation;
  return (
    <section class="help-country stack" aria-labelledby="help-first">
      <h2 id="help-first">{m.helpNowHeading}</h2>
      <EmergencyCall country={country} />
      <dl>
        {help.crisis && <HelpLineGroup title={m.forCrisis} lines={country.crisis} />}
        {help.domesticAbuse && <HelpLineGroup title={m.afraidOfPartner} lines={country.domesticAbuse} />}
        {help.forPeopleWhoUseAbuse && (
          <HelpLineGroup title={m.worriedAboutSelf} lines={country.forPeopleWhoUseAbuse} />
        )}
      </dl>
      <p>
        <a href="/help-now">{m.helpLinesFor(country.name)}</a>
      </p>
      <p class="muted">{m.nothingSaved}</p>
    </section>
  );
}

/**
 * The one primary action: booking, through a form that carries the reflection only when its box is
 * ticked (the box comes first, so it is read before the button). Left unticked, the same button simply
 * opens booking and nothing is kept.
 */
function BookWithReflection({ label, share }: { label: string; share: { token: string; sealed: string } }) {
  return (
    <form class="form card" method="post" action="/self-check/keep" data-busy={m.oneMoment}>
      <FormToken token={share.token} />
      <input type="hidden" name="summary" value={share.sealed} />
      <CheckboxField name="consent" label={m.shareConsent} checked={false} />
      <p>
        <button class="button" type="submit">
          {label}
        </button>
      </p>
    </form>
  );
}

function CrisisSection() {
  return (
    <section class="stack" aria-labelledby="crisis">
      <h2 id="crisis">{m.crisisHeading}</h2>
      {m.crisisBody.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}

function AfraidSection() {
  return (
    <section class="stack" aria-labelledby="safety-first">
      <h2 id="safety-first">{m.afraidHeading}</h2>
      <p>{m.afraidBody}</p>
    </section>
  );
}

/** For someone who has hurt or frightened their partner: no shame, and the choice to stop stays theirs. */
function OwnBehaviourSection() {
  return (
    <section class="stack" aria-labelledby="own-behaviour">
      <h2 id="own-behaviour">{m.ownBehaviourHeading}</h2>
      {m.ownBehaviourBody.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}

function ReflectionSection({ answers, personal }: { answers: SelfCheckAnswers; personal: boolean }) {
  const moment = momentWords[String(answers.reflection.moment)];
  const pattern = patternWords[String(answers.reflection.pattern)];
  const part = roleWords[String(answers.reflection.part)];
  const hope = typeof answers.reflection.hope === "string" ? answers.reflection.hope : undefined;
  return (
    <section class="stack" aria-labelledby="reflection">
      <h2 id="reflection">{m.reflectionHeading}</h2>
      {moment ? <p>{m.hurtAround(moment)}</p> : <p>{m.tookAFewMinutes}</p>}
      {/* Where safety comes first — someone afraid, in crisis, or who has hurt or frightened their
          partner — "the pattern is the problem" would blur whose the harm is, and the words for each
          part speak of repair together: both are left out. */}
      {pattern && personal && <p>{m.patternWhere(pattern)}</p>}
      {part && personal && <p>{part}</p>}
      {hope && (
        <>
          <p>{m.yourHopeLead}</p>
          <blockquote class="entry-body">{hope}</blockquote>
          <p>{m.yourHopeAfter}</p>
        </>
      )}
      <p>{m.notAnAssessment}</p>
    </section>
  );
}

function NextStep({
  recommendation,
  share,
}: {
  recommendation: Recommendation;
  share: { token: string; sealed: string };
}) {
  const { kind, sections } = recommendation;
  return (
    <section class="stack" aria-labelledby="next-step">
      <h2 id="next-step">{m.nextStepHeading}</h2>
      <BookWithReflection
        label={
          kind === "couple"
            ? m.bookCouple
            : kind === "safety-first"
              ? m.bookPrivateIndividual
              : m.bookIndividual
        }
        share={share}
      />
      {kind === "couple" && (
        <p>
          <a href="/book?kind=individual">{m.onYourOwnFirst}</a>
        </p>
      )}
      {sections.includes("reflection") && (
        <p>
          <a href="/articles">{m.readMore}</a>
        </p>
      )}
    </section>
  );
}

export function SelfCheckResultPage(props: {
  site: SiteContext;
  country: CountryHelp;
  answers: SelfCheckAnswers;
  recommendation: Recommendation;
  share: { token: string; sealed: string };
}) {
  const { site, country, answers, recommendation, share } = props;
  const { help, sections } = recommendation;
  const needsHelp = help.crisis || help.domesticAbuse || help.forPeopleWhoUseAbuse;
  const ownBehaviour = sections.includes("own-behaviour");
  const section: Record<ResultSection, () => VNode> = {
    crisis: () => <CrisisSection />,
    afraid: () => <AfraidSection />,
    "own-behaviour": () => <OwnBehaviourSection />,
    reflection: () => (
      <ReflectionSection
        answers={answers}
        personal={!ownBehaviour && recommendation.kind !== "safety-first"}
      />
    ),
  };
  return (
    <Layout site={site} meta={{ title: m.resultTitle, description: m.resultDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <h1>{m.resultTitle}</h1>
        {needsHelp && <HelpFirst country={country} recommendation={recommendation} />}
        {sections.map((name) => (
          <Fragment key={name}>{section[name]()}</Fragment>
        ))}
        <NextStep recommendation={recommendation} share={share} />
      </div>
    </Layout>
  );
}
