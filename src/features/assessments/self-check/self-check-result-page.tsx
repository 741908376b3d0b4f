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
 * Sharing the reflection with a booking: its own, unticked consent. Left unticked, the button simply
 * opens booking and nothing is kept.
 */
function ShareReflection({ share }: { share: { token: string; sealed: string } }) {
  return (
    <form class="form card" method="post" action="/self-check/keep" data-busy={m.oneMoment}>
      <FormToken token={share.token} />
      <input type="hidden" name="summary" value={share.sealed} />
      <CheckboxField name="consent" label={m.shareConsent} checked={false} />
      <p>
        <button class="button button--quiet" type="submit">
          {m.continueToBooking}
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

function ReflectionSection({ answers, ownBehaviour }: { answers: SelfCheckAnswers; ownBehaviour: boolean }) {
  const moment = momentWords[String(answers.reflection.moment)];
  const pattern = patternWords[String(answers.reflection.pattern)];
  return (
    <section class="stack" aria-labelledby="reflection">
      <h2 id="reflection">{m.reflectionHeading}</h2>
      {moment ? <p>{m.hurtAround(moment)}</p> : <p>{m.tookAFewMinutes}</p>}
      {/* Where someone has hurt or frightened their partner, "the pattern is the problem" would blur
          whose the harm is: that sentence is left out. */}
      {pattern && !ownBehaviour && <p>{m.patternWhere(pattern)}</p>}
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
      {kind === "couple" ? (
        <p>
          <a class="button" href="/book?kind=couple">
            {m.bookCouple}
          </a>{" "}
          <a href="/book?kind=individual">{m.onYourOwnFirst}</a>
        </p>
      ) : (
        <p>
          <a class="button" href="/book?kind=individual">
            {kind === "safety-first" ? m.bookPrivateIndividual : m.bookIndividual}
          </a>
        </p>
      )}
      <ShareReflection share={share} />
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
    reflection: () => <ReflectionSection answers={answers} ownBehaviour={ownBehaviour} />,
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
