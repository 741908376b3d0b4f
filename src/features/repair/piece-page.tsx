import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { CoachView } from "../language-coach/coach-check.ts";
import { CoachButton, CoachFindings, coachFormAttributes } from "../language-coach/coach-panel.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { crisisCheck } from "../safety/crisis-panel.tsx";
import type { Entry, Sharing } from "../workspace/entries.ts";
import { repairMessages as m } from "./messages.ts";
import { answerLimit, type Piece } from "./pieces/piece.ts";
import { RepairPageTop } from "./repair-page-top.tsx";

export type PieceForm = {
  token: string;
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

const sharedWith: Record<Exclude<Sharing, "nobody">, string> = {
  partner: m.partner,
  therapist: m.therapist,
  both: m.partnerAndTherapist,
};

/** Under a saved answer: whom it is shared with, and the way to share it or take it back. */
function AnswerSharing({ entry }: { entry: Entry | undefined }) {
  if (!entry) return null;
  return (
    <p class="muted">
      {entry.sharing !== "nobody" && <>{m.answerShared(sharedWith[entry.sharing])} </>}
      <a href={`/my/entries/${entry.id}`}>{m.answerShare}</a>
    </p>
  );
}

/**
 * A piece of preparation or reflection: what it is for, a few questions, and "stop here for today". Used by
 * the repair space (an injury's piece) and by the individual path (`injury` absent, its own `action`, `back`).
 */
export function PiecePage(props: {
  site: SiteContext;
  injury?: { id: string; name: string } | undefined;
  action?: string | undefined;
  back?: { href: string; label: string } | undefined;
  piece: Pick<Piece, "id" | "title" | "introHtml" | "questions">;
  answers: Map<string, Entry>;
  form: PieceForm;
  notice?: string | undefined;
  crisis?: boolean;
  /** The language coach, when the therapist turned it on and the piece is not a first telling. */
  coach?: CoachView | undefined;
}) {
  const { site, injury, piece, answers, form, notice, crisis = false, coach } = props;
  const action = props.action ?? `/my/repair/${injury?.id}/pieces/${piece.id}`;
  return (
    <Layout site={site} meta={{ title: piece.title, description: piece.title, noindex: true }}>
      <div class="prose-width section stack">
        <RepairPageTop
          site={site}
          injuryName={injury?.name}
          back={props.back}
          title={piece.title}
          notice={notice}
          crisis={crisis}
        />
        <div class="article-body" dangerouslySetInnerHTML={{ __html: piece.introHtml }} />
        <p class="muted">{m.pieceOptional}</p>
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action={action}
          novalidate
          {...crisisCheck()}
          {...coachFormAttributes(coach)}
        >
          <FormToken token={form.token} />
          {piece.questions.map((question) => (
            <div key={question.id} class="stack">
              <TextAreaField
                name={question.id}
                label={question.ask}
                value={form.values[question.id]}
                error={form.errors?.[question.id]}
                maxLength={answerLimit}
              />
              <AnswerSharing entry={answers.get(question.id)} />
            </div>
          ))}
          <p class="actions">
            <button class="button" type="submit" name="after" value="stay">
              {m.pieceSave}
            </button>{" "}
            <button class="button button--quiet" type="submit" name="after" value="stop">
              {m.pieceStop}
            </button>{" "}
            <CoachButton coach={coach} />
          </p>
        </form>
        <CoachFindings coach={coach} />
        <p class="muted">
          {m.helpLine} <a href="/help-now">{m.helpLink}</a>.
        </p>
      </div>
    </Layout>
  );
}
