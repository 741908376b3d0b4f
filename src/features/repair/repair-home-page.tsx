import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel, crisisCheck } from "../safety/crisis-panel.tsx";
import type { ClientInjury, ClientRepair } from "./client-repair-view.ts";
import { repairMessages as m } from "./messages.ts";

export const suggestionLimit = 2000;

export type SuggestForm = {
  token: string;
  value?: string;
  error?: string | undefined;
  problem?: string | undefined;
};

function InjuryCard({ injury }: { injury: ClientInjury }) {
  return (
    <section class="card stack" aria-labelledby={`injury-${injury.id}`}>
      <h2 id={`injury-${injury.id}`}>{injury.name}</h2>
      {injury.status === "paused" && <p class="muted">{m.resting}</p>}
      {injury.pieces.length > 0 && (
        <>
          <h3>{m.openForYou}</h3>
          <ul>
            {injury.pieces.map((piece) => (
              <li key={piece.id}>
                <a href={`/my/repair/${injury.id}/pieces/${piece.id}`}>{piece.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {injury.storyOpen && (
        <p>
          <a href={`/my/repair/${injury.id}/story`}>{m.storyLink}</a>
        </p>
      )}
    </section>
  );
}

/** One partner's repair space: the couple's injuries, what is open for them, and a private suggestion. */
export function RepairHomePage(props: {
  site: SiteContext;
  repair: ClientRepair;
  form: SuggestForm;
  notice?: string | undefined;
  crisis?: boolean;
}) {
  const { site, repair, form, notice, crisis = false } = props;
  const anything = repair.injuries.some((i) => i.pieces.length > 0 || i.storyOpen || i.status === "paused");
  return (
    <Layout site={site} meta={{ title: m.title, description: m.title, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">{m.backToSpace}</a>
        </p>
        <h1>{m.title}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <CrisisPanel shown={crisis} />
        <p>{m.intro}</p>
        {!repair.jointWorkOpen ? (
          <p class="muted">{m.closed}</p>
        ) : anything ? (
          repair.injuries.map((injury) => <InjuryCard key={injury.id} injury={injury} />)
        ) : (
          <p class="muted">{m.nothingYet}</p>
        )}
        <section class="stack" aria-labelledby="suggest-heading">
          <h2 id="suggest-heading">{m.suggestHeading}</h2>
          <p>{m.suggestIntro}</p>
          <FormProblem message={form.problem} />
          <form class="form" method="post" action="/my/repair/suggestions" novalidate {...crisisCheck()}>
            <FormToken token={form.token} />
            <TextAreaField
              name="suggestion"
              label={m.suggestLabel}
              value={form.value}
              error={form.error}
              rows={4}
              maxLength={suggestionLimit}
            />
            <p>
              <button class="button" type="submit">
                {m.suggestButton}
              </button>
            </p>
          </form>
        </section>
      </div>
    </Layout>
  );
}
