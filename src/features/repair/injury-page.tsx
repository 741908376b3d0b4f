import { DateField } from "../../platform/web/date-field.tsx";
import { type DateInputFormat, dateInputFormat } from "../../platform/web/date-input.ts";
import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import type { Entry } from "../workspace/entries.ts";
import type { InjuryStatus } from "./injuries.ts";
import { InjuryNameFields, type InjuryNameForm } from "./injury-name-form.tsx";
import { repairTherapistMessages as m } from "./messages.ts";
import type { Piece } from "./pieces/piece.ts";
import { repairSteps } from "./repair-marks.ts";
import { day, rolesLine } from "./repair-overview-page.tsx";
import type { Story } from "./story.ts";
import { StoryHistory } from "./story-page.tsx";
import type { TherapistInjury, TherapistRepair } from "./therapist-repair-view.ts";

export const markNoteLimit = 2000;

export type MarkForm = {
  values: { step: string; observedOn: string; note: string };
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

/** One button that posts a single choice (pause, open a piece…), with the page's token. */
function ButtonForm(props: {
  action: string;
  token: string;
  fields: Record<string, string>;
  label: string;
  /** Said after the label to a screen reader, where many buttons share one label ("Open"). */
  hiddenLabel?: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <FormToken token={props.token} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button class="button button--quiet" type="submit">
        {props.label}
        {props.hiddenLabel && <span class="visually-hidden">{props.hiddenLabel}</span>}
      </button>
    </form>
  );
}

const nextStatuses: Record<InjuryStatus, { status: InjuryStatus; label: string }[]> = {
  active: [
    { status: "paused", label: m.pause },
    { status: "closed", label: m.close },
  ],
  paused: [
    { status: "active", label: m.resume },
    { status: "closed", label: m.close },
  ],
  closed: [{ status: "active", label: m.resume }],
};

function MarkFields(props: { action: string; token: string; form: MarkForm; dateFormat: DateInputFormat }) {
  const { action, token, form, dateFormat } = props;
  return (
    <form class="form" method="post" action={action} novalidate>
      <FormProblem message={form.problem} />
      <FormToken token={token} />
      <fieldset>
        <legend>{m.markLegend}</legend>
        {form.errors?.step && (
          <p class="field-error" id="field-step-error">
            {form.errors.step}
          </p>
        )}
        {repairSteps.map((step) => (
          <div class="choice" key={step}>
            <input
              type="radio"
              id={`field-step-${step}`}
              name="step"
              value={String(step)}
              checked={form.values.step === String(step)}
            />
            <label for={`field-step-${step}`}>{m.steps[step]}</label>
          </div>
        ))}
      </fieldset>
      <DateField
        name="observedOn"
        label={m.observedLabel}
        format={dateFormat}
        value={form.values.observedOn}
        error={form.errors?.observedOn}
      />
      <TextAreaField
        name="note"
        label={m.noteLabel}
        value={form.values.note}
        error={form.errors?.note}
        rows={3}
        maxLength={markNoteLimit}
      />
      <p>
        <button class="button" type="submit">
          {m.markButton}
        </button>
      </p>
    </form>
  );
}

/** One injury on a couple's record: its name and roles, its pace, the map of marks, pieces and story. */
export function InjuryPage(props: {
  site: SiteContext;
  recordId: string;
  repair: TherapistRepair;
  item: TherapistInjury;
  story: Story;
  /** What the partners shared with the therapist from this injury's pieces (never what they kept). */
  shared: Entry[];
  pieces: Piece[];
  token: string;
  nameForm: InjuryNameForm;
  markForm: MarkForm;
  notice?: string | undefined;
  timeZone: string;
}) {
  const { site, recordId, repair, item, story, shared, pieces, token, nameForm, markForm, notice, timeZone } =
    props;
  const { injury } = item;
  const base = `/practice/clients/${recordId}/injuries/${injury.id}`;
  const names = new Map(repair.partners.map((p) => [p.id, p.name]));
  return (
    <Layout site={site} meta={{ title: injury.name, description: m.heading, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${recordId}/repair`}>{m.backToRepair}</a>
        </p>
        <h1>{injury.name}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>
          {m.status[injury.status]} · {rolesLine(item, repair)}
        </p>
        {!repair.jointWorkOpen && <p class="muted">{m.closedNote}</p>}
        <div class="actions">
          {nextStatuses[injury.status].map((next) => (
            <ButtonForm
              key={next.status}
              action={`${base}/status`}
              token={token}
              fields={{ status: next.status }}
              label={next.label}
            />
          ))}
        </div>
        <section class="stack" aria-labelledby="marks-heading">
          <h2 id="marks-heading">{m.marksHeading}</h2>
          {item.marks.length === 0 ? (
            <p class="muted">{m.marksNone}</p>
          ) : (
            <ul>
              {item.marks.map((mark) => (
                <li key={mark.id}>
                  {day(mark.observedOn, timeZone)} · {m.steps[mark.step]}
                  {mark.note && <p class="entry-body muted">{mark.note}</p>}
                </li>
              ))}
            </ul>
          )}
          <MarkFields
            action={`${base}/marks`}
            token={token}
            form={markForm}
            dateFormat={dateInputFormat(site.practice)}
          />
        </section>
        <section class="stack" aria-labelledby="pieces-heading">
          <h2 id="pieces-heading">{m.piecesHeading}</h2>
          {item.pieces.map(({ partner, offered }) => (
            <div key={partner.id} class="stack">
              <h3>{m.piecesFor(partner.name)}</h3>
              <ul>
                {offered.map(({ piece, open }) => (
                  <li key={piece.id}>
                    {piece.title} · {open ? m.pieceIsOpen : m.notOpen}{" "}
                    <ButtonForm
                      action={`${base}/pieces`}
                      token={token}
                      fields={{ client: partner.id, piece: piece.id, open: open ? "no" : "yes" }}
                      label={open ? m.closePiece : m.openPiece}
                      hiddenLabel={m.pieceFor(piece.title, partner.name)}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
        <section class="stack" aria-labelledby="shared-heading">
          <h2 id="shared-heading">{m.sharedHeading}</h2>
          {shared.length === 0 ? (
            <p class="muted">{m.nothingShared}</p>
          ) : (
            shared.map((entry) => {
              const piece = pieces.find((p) => p.id === entry.answers?.pieceId);
              const question = piece?.questions.find((q) => q.id === entry.answers?.questionId);
              return (
                <div key={entry.id} class="card">
                  <p class="muted">
                    {m.sharedBy(
                      names.get(entry.clientId) ?? "",
                      day(entry.sharedWithTherapistAt ?? new Date(), timeZone),
                    )}
                  </p>
                  {piece && question && (
                    <p>
                      {piece.title}: {question.ask}
                    </p>
                  )}
                  <p class="entry-body">{entry.body}</p>
                </div>
              );
            })
          )}
        </section>
        <section class="stack" aria-labelledby="story-heading">
          <h2 id="story-heading">{m.storyHeading}</h2>
          {injury.storyOpenedAt ? (
            <>
              <p>{m.storyVersions(story.versions.length)}</p>
              <StoryHistory
                story={story}
                who={(version) => names.get(version.authorClientId ?? "") ?? m.formerPartner}
                timeZone={timeZone}
              />
            </>
          ) : (
            <>
              <p class="muted">{m.storyNotOpen}</p>
              <ButtonForm action={`${base}/story`} token={token} fields={{}} label={m.openStory} />
            </>
          )}
        </section>
        <section class="stack" aria-labelledby="rename-heading">
          <h2 id="rename-heading">{m.renameHeading}</h2>
          <InjuryNameFields
            action={base}
            partners={repair.partners}
            form={nameForm}
            button={m.renameButton}
          />
        </section>
      </div>
    </Layout>
  );
}
