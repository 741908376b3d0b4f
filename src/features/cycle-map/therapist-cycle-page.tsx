import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { day } from "../workspace/entry-pages.tsx";
import { chosen } from "./cycle-choices.ts";
import type { StoredHalf } from "./cycle-half.ts";
import type { CoupleCycle } from "./cycle-view.ts";
import { LoopFigure } from "./loop-figure.tsx";
import { andList, cycleTherapistMessages as m } from "./messages.ts";

export type NameForm = {
  token: string;
  value: string;
  error?: string | undefined;
  problem?: string | undefined;
};

/** A shared side as the therapist reads it: each part in the person's first-person wording. */
function SharedSide({ side }: { side: StoredHalf }) {
  const { half } = side;
  const part = (ticks: string[], own: string) => andList([...ticks, ...(own ? [`“${own}”`] : [])]);
  const rows: [string, string][] = [
    [m.partLabels.moves, part(chosen("moves", half.moves, "mine"), half.movesOwn)],
    [m.partLabels.outside, half.outside],
    [m.partLabels.surface, part(chosen("surface", half.surface, "mine"), half.surfaceOwn)],
    [m.partLabels.underneath, part(chosen("underneath", half.underneath, "mine"), half.underneathOwn)],
    [m.partLabels.longing, part(chosen("longing", half.longing, "mine"), half.longingOwn)],
  ];
  return (
    <dl class="stack">
      {rows
        .filter(([, text]) => text)
        .map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd class="entry-body">{text}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The therapist's view of a couple's cycle map: what each shared (and when), the loop, and its name. */
export function TherapistCyclePage(props: {
  site: SiteContext;
  recordId: string;
  jointWorkOpen: boolean;
  cycle: CoupleCycle;
  timeZone: string;
  form: NameForm;
  notice?: string | undefined;
}) {
  const { site, recordId, jointWorkOpen, cycle, timeZone, form, notice } = props;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${recordId}`}>{m.back}</a>
        </p>
        <h1>{m.title}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        {!jointWorkOpen && <p class="muted">{m.jointWorkClosed}</p>}
        {cycle.partners.map((partner) => (
          <section class="card stack" key={partner.id} aria-labelledby={`side-${partner.id}`}>
            <h2 id={`side-${partner.id}`}>{m.sideOf(partner.name)}</h2>
            {partner.shared ? (
              <>
                <p class="muted">
                  {m.sharedOn(day(partner.shared.sharedAt ?? partner.shared.updatedAt, timeZone))}
                </p>
                <SharedSide side={partner.shared} />
              </>
            ) : (
              <p class="muted">{m.notShared}</p>
            )}
          </section>
        ))}
        <section class="stack" aria-labelledby="loop-heading">
          <h2 id="loop-heading">{m.loopHeading}</h2>
          {cycle.loop ? (
            <LoopFigure steps={cycle.loop} name={cycle.name} />
          ) : (
            <p class="muted">{m.loopWhen}</p>
          )}
        </section>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={`/practice/clients/${recordId}/cycle/name`} novalidate>
          <FormToken token={form.token} />
          <TextField
            name="name"
            label={m.nameLabel}
            hint={m.nameHint}
            value={form.value}
            error={form.error}
          />
          <p>
            <button class="button" type="submit">
              {m.nameSave}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
