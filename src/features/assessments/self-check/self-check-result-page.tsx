import { Fragment, type VNode } from "preact";
import { CheckboxField, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { CountryHelp } from "../../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { EmergencyCall, HelpLineGroup } from "../../site/help-now-page.tsx";
import type { Recommendation, ResultSection } from "./recommend.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";

const momentWords: Record<string, string> = {
  betrayal: "trust being broken",
  absence: "a partner not being there at a vulnerable time",
  protection: "a partner not standing up for the other",
  disappointment: "a promise or a shared dream being broken",
};

const patternWords: Record<string, string> = {
  "pursue-withdraw": "one of you reaches and the other retreats",
  "blame-defend": "hurt comes out as blame and is met with defence",
  shutdown: "you have both gone quiet to keep the peace",
};

/** Help to show first: the practice's country, with a way to choose another on the help-now page. */
function HelpFirst({ country, recommendation }: { country: CountryHelp; recommendation: Recommendation }) {
  const { help } = recommendation;
  return (
    <section class="help-country stack" aria-labelledby="help-first">
      <h2 id="help-first">Help you can reach now</h2>
      <EmergencyCall country={country} />
      <dl>
        {help.crisis && (
          <HelpLineGroup
            title="If you are thinking of ending your life, or of hurting yourself or someone else"
            lines={country.crisis}
          />
        )}
        {help.domesticAbuse && (
          <HelpLineGroup title="If you are afraid of your partner" lines={country.domesticAbuse} />
        )}
        {help.forPeopleWhoUseAbuse && (
          <HelpLineGroup
            title="If you are worried about how you treat your partner"
            lines={country.forPeopleWhoUseAbuse}
          />
        )}
      </dl>
      <p>
        <a href="/help-now">Help lines for {country.name} and other countries</a>
      </p>
      <p class="muted">
        Nobody reads this page live, and your answers have not been saved or sent to anyone.
      </p>
    </section>
  );
}

/**
 * Sharing the reflection with a booking: its own, unticked consent. Left unticked, the button simply
 * opens booking and nothing is kept.
 */
function ShareReflection({ share }: { share: { token: string; sealed: string } }) {
  return (
    <form class="form card" method="post" action="/self-check/keep" data-busy="One moment…">
      <FormToken token={share.token} />
      <input type="hidden" name="summary" value={share.sealed} />
      <CheckboxField
        name="consent"
        label="Share this reflection with the therapist when I book. It is kept, encrypted, for up to two hours. It includes your answers to the reflection and whether the result put safety first — not your answers to each safety question."
        checked={false}
      />
      <p>
        <button class="button button--quiet" type="submit">
          Continue to booking
        </button>
      </p>
    </form>
  );
}

function CrisisSection() {
  return (
    <section class="stack" aria-labelledby="crisis">
      <h2 id="crisis">Please talk to someone today</h2>
      <p>
        Thoughts of ending your life, of hurting yourself or of hurting someone else can feel overwhelming.
        You do not have to carry them alone, and you do not have to wait for an appointment to talk about
        them.
      </p>
      <p>
        The services above are there for exactly this, at any hour. If you feel you might act on these
        thoughts soon, call the emergency number above now.
      </p>
      <p>
        When you feel ready, a private conversation with the practice can help too — as well as those
        services, not instead of them.
      </p>
    </section>
  );
}

function AfraidSection() {
  return (
    <section class="stack" aria-labelledby="safety-first">
      <h2 id="safety-first">Your safety comes first</h2>
      <p>
        What you shared matters. When someone is afraid of their partner, or being hurt or controlled, couples
        sessions are not the safe place to start. A private, individual conversation is — with the practice,
        or with the services above.
      </p>
    </section>
  );
}

/** For someone who has hurt or frightened their partner: no shame, and the choice to stop stays theirs. */
function OwnBehaviourSection() {
  return (
    <section class="stack" aria-labelledby="own-behaviour">
      <h2 id="own-behaviour">Wanting to change is a strong place to start</h2>
      <p>
        Noticing that you have hurt or frightened your partner, and wanting that to stop, takes courage. What
        you do is yours to change, and you can change it. It takes time, and it is easier with help.
      </p>
      <p>
        There are people whose work is helping with exactly this, listed above. If you feel things building up
        before then, stepping away before you say or do something keeps everyone safer.
      </p>
      <p>
        An individual consultation is a good next step: a private place to talk about what happens and what
        you can do differently.
      </p>
    </section>
  );
}

function ReflectionSection({ answers, ownBehaviour }: { answers: SelfCheckAnswers; ownBehaviour: boolean }) {
  const moment = momentWords[String(answers.reflection.moment)];
  const pattern = patternWords[String(answers.reflection.pattern)];
  return (
    <section class="stack" aria-labelledby="reflection">
      <h2 id="reflection">Your reflection</h2>
      {moment ? (
        <p>
          You described a hurt around {moment}. Hurts like this often don't fade on their own: small everyday
          moments can set the old alarm off again, and reactions can seem bigger than the moment because they
          answer then as well as now.
        </p>
      ) : (
        <p>You took a few minutes to think about a hurt between you. That is often the first step.</p>
      )}
      {/* Where someone has hurt or frightened their partner, "the pattern is the problem" would blur
          whose the harm is: that sentence is left out. */}
      {pattern && !ownBehaviour && (
        <p>
          You recognised a pattern where {pattern}. Seen this way, the pattern is the problem, not either of
          you — and patterns can change.
        </p>
      )}
      <p>
        This is a reflection, not an assessment, and it doesn't tell you what is wrong with anyone. A free
        20-minute consultation is the place to talk it through, including privately about safety.
      </p>
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
      <h2 id="next-step">A next step</h2>
      {kind === "couple" ? (
        <p>
          <a class="button" href="/book?kind=couple">
            Book a couples consultation
          </a>{" "}
          <a href="/book?kind=individual">or talk to someone on your own first</a>
        </p>
      ) : (
        <p>
          <a class="button" href="/book?kind=individual">
            {kind === "safety-first"
              ? "Book a private individual consultation"
              : "Book an individual consultation"}
          </a>
        </p>
      )}
      <ShareReflection share={share} />
      {sections.includes("reflection") && (
        <p>
          <a href="/articles">Read more about attachment injuries and how couples repair them</a>
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
    <Layout
      site={site}
      meta={{ title: "What this may mean", description: "Your reflection.", noindex: true }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <h1>What this may mean</h1>
        {needsHelp && <HelpFirst country={country} recommendation={recommendation} />}
        {sections.map((name) => (
          <Fragment key={name}>{section[name]()}</Fragment>
        ))}
        <NextStep recommendation={recommendation} share={share} />
      </div>
    </Layout>
  );
}
