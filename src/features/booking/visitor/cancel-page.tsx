import { FormProblem, FormToken, TextAreaField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import { crisisPhrases } from "../../assessments/self-check/crisis-words.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { fullMoment } from "../messages.ts";
import { cancelReasonMaxLength } from "./cancel-reason.ts";
import { cancelMessages as c, kindWords, manageMessages as m } from "./messages.ts";
import type { Kind } from "./times-page.tsx";

export type CancelView = {
  token: string;
  start: number;
  zone: string;
  kind: Kind;
  meeting: "video" | "phone";
  therapistName: string;
  /** A request is withdrawn rather than cancelled: nothing was promised yet. */
  requested: boolean;
};

/** What was typed, the problem beside the reason, and whether it held words that call for help now. */
export type CancelForm = {
  token: string;
  reason?: string | undefined;
  error?: string | undefined;
  problem?: string | undefined;
  crisis?: boolean;
};

/**
 * The step before cancelling: what will happen, an optional reason for the therapist, and the one button
 * that cancels (a link in an email, opened by a mail scanner, changes nothing).
 */
export function CancelPage(props: { site: SiteContext; view: CancelView; form: CancelForm }) {
  const { site, view, form } = props;
  const base = `/book/manage/${view.token}`;
  const title = view.requested ? c.withdrawTitle : c.title;
  return (
    <Layout site={site} meta={{ title, description: c.description, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <p>
          <a href={base}>{m.back}</a>
        </p>
        <h1>{title}</h1>
        <FormProblem message={form.problem} />
        <div class="card stack">
          <p>
            <strong>{fullMoment(view.start, view.zone)}</strong>
          </p>
          <p>{m.summary(kindWords[view.kind], view.meeting)}</p>
          <p>{m.with(view.therapistName)}</p>
        </div>
        <p>{view.requested ? c.whatHappensRequest(view.therapistName) : c.whatHappens(view.therapistName)}</p>
        <p>{c.welcomeBack}</p>
        <div id="crisis-panel" class="crisis-panel" role="status" hidden={!form.crisis}>
          <p>
            <strong>{c.inDanger}</strong> <a href="/help-now">{c.findHelp}</a>.
          </p>
          <p>{c.nobodyReads}</p>
        </div>
        <form
          class="form"
          method="post"
          action={`${base}/cancel`}
          data-busy={view.requested ? m.withdrawing : m.cancelling}
          novalidate
          data-crisis-phrases={JSON.stringify(crisisPhrases)}
          data-crisis-panel="crisis-panel"
        >
          <FormToken token={form.token} />
          <TextAreaField
            name="reason"
            label={c.reasonLabel}
            hint={c.reasonHint(cancelReasonMaxLength.toLocaleString("en-GB"))}
            value={form.reason}
            error={form.error}
            rows={4}
          />
          <p>
            <button class="button" type="submit">
              {view.requested ? c.confirmWithdraw : c.confirm}
            </button>
          </p>
        </form>
        <p>
          <a href={base}>{view.requested ? c.keepRequest : c.keep}</a>
        </p>
      </div>
    </Layout>
  );
}
