import type { ComponentChildren } from "preact";
import { FormProblem, FormToken, TextAreaField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { fullMoment } from "../messages.ts";
import { TimeChoices } from "../time-choices.tsx";
import type { StoredVisitor } from "../visitor-details.ts";
import { changeMessageMaxLength } from "./message-limits.ts";
import { changeWords, consultationWords } from "./messages.ts";

export type ChangeForm = { message: string; start?: number | undefined; errors?: Record<string, string> };
export type ChangeTarget = { id: string; start: number; visitor: StoredVisitor };

const emailed = (target: ChangeTarget) => target.visitor.contactBy.includes("email");

/** The therapist's words for the visitor: on their booking page always, in the email if they chose email. */
function MessageField({ target, form }: { target: ChangeTarget; form?: ChangeForm | undefined }) {
  return (
    <TextAreaField
      name="message"
      label={changeWords.messageLabel}
      hint={changeWords.messageHint(emailed(target))}
      value={form?.message}
      error={form?.errors?.message}
      rows={4}
      maxLength={changeMessageMaxLength}
    />
  );
}

/** Whether Haven will tell the visitor, and if not, how the therapist should. */
function WhoTellsThem({ visitor }: { visitor: StoredVisitor }) {
  if (visitor.contactBy.includes("email")) return <p>{changeWords.havenEmails}</p>;
  const ways = visitor.contactBy.map((channel) => consultationWords.channel[channel]).join(" or ");
  return (
    <div class="contact-caution">
      <p>
        <strong>{changeWords.notEmailed}</strong> {changeWords.tellThemYourself(ways, visitor.phone)}
      </p>
      {!visitor.leaveMessage && (
        <p>
          {consultationWords.noMessages} {consultationWords.noMessagesWhy}
        </p>
      )}
    </div>
  );
}

function Frame(props: { site: SiteContext; title: string; children: ComponentChildren }) {
  return (
    <Layout site={props.site} meta={{ title: props.title, description: props.title, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/consultations">{changeWords.back}</a>
        </p>
        {props.children}
      </div>
    </Layout>
  );
}

export function CancelConsultationPage(props: {
  site: SiteContext;
  zone: string;
  target: ChangeTarget;
  token: string;
  form?: ChangeForm | undefined;
  problem?: string | undefined;
}) {
  const { site, zone, target, token, form } = props;
  return (
    <Frame site={site} title={changeWords.cancelTitle}>
      <h1>{changeWords.cancelHeading(target.visitor.name)}</h1>
      <p>{fullMoment(target.start, zone)}</p>
      <WhoTellsThem visitor={target.visitor} />
      <form class="form stack" method="post" action={`/practice/consultations/${target.id}/cancel`}>
        <FormToken token={token} />
        <FormProblem message={props.problem} />
        <MessageField target={target} form={form} />
        <p>
          <button class="button" type="submit">
            {changeWords.cancel}
          </button>
        </p>
      </form>
    </Frame>
  );
}

export function MoveConsultationPage(props: {
  site: SiteContext;
  zone: string;
  target: ChangeTarget;
  slots: Slot[];
  token: string;
  form?: ChangeForm | undefined;
  problem?: string | undefined;
}) {
  const { site, zone, target, slots, token, form } = props;
  const timeError = form?.errors?.start;
  return (
    <Frame site={site} title={changeWords.moveTitle}>
      <h1>{changeWords.moveHeading(target.visitor.name)}</h1>
      <p>{changeWords.now(fullMoment(target.start, zone))}</p>
      <WhoTellsThem visitor={target.visitor} />
      {slots.length === 0 ? (
        <p>{changeWords.noOtherTimes}</p>
      ) : (
        <form class="form stack" method="post" action={`/practice/consultations/${target.id}/move`}>
          <FormToken token={token} />
          <FormProblem message={props.problem} />
          <p class="muted">{changeWords.shownIn(zone.replace(/_/g, " "))}</p>
          {timeError && (
            <p class="field-error" id="field-start-error">
              {timeError}
            </p>
          )}
          <TimeChoices slots={slots} zone={zone} chosen={form?.start} />
          <MessageField target={target} form={form} />
          <p>
            <button class="button" type="submit">
              {changeWords.move}
            </button>
          </p>
        </form>
      )}
    </Frame>
  );
}
