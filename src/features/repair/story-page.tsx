import { dates } from "../../platform/web/date-time-formats.ts";
import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { crisisCheck } from "../safety/crisis-panel.tsx";
import { repairMessages as m } from "./messages.ts";
import { RepairPageTop } from "./repair-page-top.tsx";
import { type Story, type StoryVersion, storyLimit } from "./story.ts";

export type StoryForm = {
  token: string;
  basedOn: number;
  value: string;
  error?: string | undefined;
  problem?: string | undefined;
  /** The partner's newer version, beside this person's own text, after a save that came too late. */
  theirs?: StoryVersion | undefined;
};

/** Who saved a version, as the reader knows them: themselves or their partner; nobody else writes. */
export function savedBy(version: StoryVersion, readerId: string | undefined): string {
  if (version.authorClientId === null) return m.savedByFormer;
  return version.authorClientId === readerId ? m.savedByYou : m.savedByPartner;
}

const when = dates.longMoment;

/** Every version, the latest first, each with who saved it (as the reader knows them) and when. */
export function StoryHistory(props: {
  story: Story;
  who: (version: StoryVersion) => string;
  timeZone: string;
}) {
  const { story, who, timeZone } = props;
  if (story.versions.length === 0) return <p class="muted">{m.storyNoneYet}</p>;
  return (
    <ol class="stack" reversed>
      {story.versions.map((version) => (
        <li key={version.version}>
          <details>
            <summary>
              {m.version(version.version)} · {who(version)} · {when(version.savedAt, timeZone)}
            </summary>
            <p class="entry-body">{version.body}</p>
          </details>
        </li>
      ))}
    </ol>
  );
}

/** A closed injury's story as it stands, and the words of a save that came after the closing. */
function KeptStory({ latest, late }: { latest: string | undefined; late: string | undefined }) {
  return (
    <>
      <p class="muted">{m.storyKept}</p>
      {latest !== undefined && <p class="entry-body">{latest}</p>}
      {late && (
        <section class="card stack" aria-labelledby="your-text-heading">
          <h2 id="your-text-heading">{m.storyYourText}</h2>
          <p class="entry-body">{late}</p>
        </section>
      )}
    </>
  );
}

/** The couple's story of an injury: one text both write, every version kept. */
export function StoryPage(props: {
  site: SiteContext;
  injury: { id: string; name: string };
  story: Story;
  readerId: string;
  /** False once the injury is closed: the story is kept as it stands, to read and not to change. */
  writable: boolean;
  form: StoryForm;
  notice?: string | undefined;
  crisis?: boolean;
}) {
  const { site, injury, story, readerId, writable, form, notice, crisis = false } = props;
  const timeZone = site.practice.timeZone;
  return (
    <Layout site={site} meta={{ title: m.storyTitle, description: m.storyTitle, noindex: true }}>
      <div class="prose-width section stack">
        <RepairPageTop
          site={site}
          injuryName={injury.name}
          title={m.storyTitle}
          notice={notice}
          crisis={crisis}
        />
        <p>{m.storyIntro}</p>
        <FormProblem message={form.problem} />
        {!writable && (
          <KeptStory latest={story.versions[0]?.body} late={form.problem ? form.value : undefined} />
        )}
        {form.theirs && (
          <section class="card stack" aria-labelledby="theirs-heading">
            <h2 id="theirs-heading">{m.storyTheirs}</h2>
            <p class="entry-body">{form.theirs.body}</p>
          </section>
        )}
        {writable && (
          <form
            class="form"
            method="post"
            action={`/my/repair/${injury.id}/story`}
            novalidate
            {...crisisCheck()}
          >
            <FormToken token={form.token} />
            <input type="hidden" name="basedOn" value={String(form.basedOn)} />
            <TextAreaField
              name="story"
              label={m.storyLabel}
              value={form.value}
              error={form.error}
              rows={14}
              maxLength={storyLimit}
            />
            <p>
              <button class="button" type="submit">
                {m.storySave}
              </button>
            </p>
          </form>
        )}
        <h2>{m.storyHistory}</h2>
        <StoryHistory story={story} who={(version) => savedBy(version, readerId)} timeZone={timeZone} />
      </div>
    </Layout>
  );
}
