import { CheckboxGroup } from "../../platform/web/checkbox-group.tsx";
import { FormProblem, FormToken, TextAreaField, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { crisisCheck } from "../safety/crisis-panel.tsx";
import { safetyMessages } from "../safety/messages.ts";
import { ClientPageTop } from "../workspace/client-page-top.tsx";
import { day } from "../workspace/entry-pages.tsx";
import { type ChoicePart, choicesFor } from "./cycle-choices.ts";
import { outsideLimit } from "./cycle-half.form.ts";
import type { Half } from "./cycle-half.ts";
import type { LoopStep } from "./loop.ts";
import { LoopFigure } from "./loop-figure.tsx";
import { cycleMessages as m } from "./messages.ts";

export type HalfForm = {
  token: string;
  values: Half;
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

/** One part of a side: the ticks, then room for the person's own words. */
function Part(props: { part: ChoicePart; legend: string; hint?: string; own: keyof Half; form: HalfForm }) {
  const { part, legend, hint, own, form } = props;
  const options = choicesFor[part].map((c) => ({ value: c.id, label: c.mine }));
  return (
    <>
      <CheckboxGroup
        name={part}
        legend={legend}
        hint={hint}
        options={options}
        values={form.values[part]}
        error={form.errors?.[part]}
      />
      <TextField
        name={own}
        label={m.ownWords}
        required={false}
        value={String(form.values[own])}
        error={form.errors?.[own]}
      />
    </>
  );
}

/** Whether the person's side is private or shared, and the one button that changes it. */
function Sharing(props: { saved: boolean; sharedAt: Date | null; token: string; timeZone: string }) {
  const { saved, sharedAt, token, timeZone } = props;
  if (!saved) return <p class="muted">{m.shareSaveFirst}</p>;
  return (
    <form method="post" action="/my/cycle/sharing" data-busy={m.saving} class="stack">
      <FormToken token={token} />
      <p>{sharedAt ? m.sharedOn(day(sharedAt, timeZone)) : m.sharePrivate}</p>
      <p>
        <button class="button" type="submit" name="share" value={sharedAt ? "no" : "yes"}>
          {sharedAt ? m.unshareButton : m.shareButton}
        </button>
      </p>
    </form>
  );
}

/** A partner's cycle map: the loop once both have shared, and their own side, private until shared. */
export function CyclePage(props: {
  site: SiteContext;
  jointWorkOpen: boolean;
  loop?: LoopStep[] | undefined;
  cycleName?: string | undefined;
  saved: boolean;
  sharedAt: Date | null;
  form: HalfForm;
  shareToken: string;
  /** Words posted after joint work closed: not saved, shown back so they are not lost. */
  unsaved?: string[] | undefined;
  notice?: string | undefined;
  crisis?: boolean;
}) {
  const { site, jointWorkOpen, loop, form, notice, crisis = false } = props;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <ClientPageTop
          site={site}
          back={{ href: "/my", label: m.back }}
          title={m.title}
          notice={notice}
          crisis={crisis}
        />
        {!jointWorkOpen ? (
          <>
            <p class="muted">{safetyMessages.jointWorkClosed}</p>
            {props.unsaved && props.unsaved.length > 0 && (
              <section class="card stack" aria-labelledby="unsaved-heading">
                <h2 id="unsaved-heading">{m.unsavedHeading}</h2>
                <p>{m.unsavedIntro}</p>
                {props.unsaved.map((words) => (
                  <p class="entry-body" key={words}>
                    {words}
                  </p>
                ))}
              </section>
            )}
          </>
        ) : (
          <>
            <p>{m.intro}</p>
            <section class="stack" aria-labelledby="loop-heading">
              <h2 id="loop-heading">{m.loopHeading}</h2>
              {loop ? <LoopFigure steps={loop} name={props.cycleName} /> : <p class="muted">{m.loopWhen}</p>}
            </section>
            <section class="stack" aria-labelledby="side-heading">
              <h2 id="side-heading">{m.sideHeading}</h2>
              <p class="muted">{m.sidePrivate}</p>
              <FormProblem message={form.problem} />
              <form
                class="form"
                method="post"
                action="/my/cycle"
                data-busy={m.saving}
                novalidate
                {...crisisCheck()}
              >
                <FormToken token={form.token} />
                <Part part="moves" legend={m.movesLegend} hint={m.movesHint} own="movesOwn" form={form} />
                <TextAreaField
                  name="outside"
                  label={m.outsideLabel}
                  value={form.values.outside}
                  error={form.errors?.outside}
                  rows={3}
                  maxLength={outsideLimit}
                />
                <Part part="surface" legend={m.surfaceLegend} own="surfaceOwn" form={form} />
                <Part
                  part="underneath"
                  legend={m.underneathLegend}
                  hint={m.underneathHint}
                  own="underneathOwn"
                  form={form}
                />
                <Part part="longing" legend={m.longingLegend} own="longingOwn" form={form} />
                <p>
                  <button class="button" type="submit">
                    {m.save}
                  </button>
                </p>
              </form>
            </section>
            <section class="stack" aria-labelledby="sharing-heading">
              <h2 id="sharing-heading">{m.shareHeading}</h2>
              <Sharing
                saved={props.saved}
                sharedAt={props.sharedAt}
                token={props.shareToken}
                timeZone={site.practice.timeZone}
              />
            </section>
          </>
        )}
      </div>
    </Layout>
  );
}
