import { FormProblem } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { ReflectionSummary } from "../../assessments/self-check/reflection-summary.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { fullMoment } from "../messages.ts";
import type { Kind } from "../visitor/times-page.tsx";
import type { StoredVisitor } from "../visitor-details.ts";
import type { CancelledConsultation } from "./cancelled-consultations.ts";
import { consultationWords } from "./messages.ts";
import { type DeclineForm, RequestAnswerForms } from "./request-answer-forms.tsx";

export type Consultation = {
  id: string;
  start: number;
  status: "requested" | "confirmed";
  /** For a request: when it lapses without an answer. */
  expiresAt: number | undefined;
  kind: Kind;
  meeting: "video" | "phone";
  visitorTimeZone: string;
  visitor: StoredVisitor;
};

const w = consultationWords;

/** The page's form token and the decline form being shown again, for the pending requests' forms. */
type Answering = { token: string; decline?: DeclineForm | undefined };

function ConsultationCard(props: { consultation: Consultation; zone: string; answering: Answering }) {
  const { consultation, zone, answering } = props;
  const { visitor } = consultation;
  return (
    <li class="card stack" key={consultation.id}>
      <h3>{fullMoment(consultation.start, zone)}</h3>
      {consultation.status === "requested" && consultation.expiresAt !== undefined && (
        <RequestAnswerForms
          id={consultation.id}
          start={consultation.start}
          zone={zone}
          expiresAt={consultation.expiresAt}
          token={answering.token}
          decline={answering.decline?.bookingId === consultation.id ? answering.decline : undefined}
        />
      )}
      {!visitor.leaveMessage && (
        <p class="contact-caution">
          <strong>{w.noMessages}</strong> {w.noMessagesWhy}
        </p>
      )}
      <dl class="data-row">
        <div>
          <dt>{w.terms.kind}</dt>
          <dd>{w.kind[consultation.kind]}</dd>
        </div>
        <div>
          <dt>{w.terms.meeting}</dt>
          <dd>{w.meeting[consultation.meeting]}</dd>
        </div>
        <div>
          <dt>{w.terms.name}</dt>
          <dd>{visitor.name}</dd>
        </div>
        <div>
          <dt>{w.terms.email}</dt>
          <dd>{visitor.email}</dd>
        </div>
        {visitor.phone !== "" && (
          <div>
            <dt>{w.terms.phone}</dt>
            <dd>{visitor.phone}</dd>
          </div>
        )}
        <div>
          <dt>{w.terms.contactBy}</dt>
          <dd>{visitor.contactBy.map((channel) => w.channel[channel]).join(", ")}</dd>
        </div>
        <div>
          <dt>{w.terms.messages}</dt>
          <dd>{visitor.leaveMessage ? w.messagesOk : w.noMessages}</dd>
        </div>
        {consultation.visitorTimeZone !== zone && (
          <div>
            <dt>{w.terms.theirTime}</dt>
            <dd>{fullMoment(consultation.start, consultation.visitorTimeZone)}</dd>
          </div>
        )}
        {visitor.note !== "" && (
          <div>
            <dt>{w.terms.note}</dt>
            <dd class="entry-body">{visitor.note}</dd>
          </div>
        )}
      </dl>
      {visitor.reflection && <SharedReflection reflection={visitor.reflection} />}
      {consultation.status === "confirmed" && consultation.start > Date.now() && (
        <p class="inline-form">
          <a href={`/practice/consultations/${consultation.id}/move`}>{w.moveIt}</a>{" "}
          <a href={`/practice/consultations/${consultation.id}/cancel`}>{w.cancelIt}</a>
        </p>
      )}
      {consultation.status === "confirmed" && (
        <p>
          <a href={`/practice/consultations/${consultation.id}/invite`}>{w.inviteAsClient}</a>
        </p>
      )}
    </li>
  );
}

/**
 * The self-check reflection a visitor chose to share. A safety-first result comes first, plainly: it
 * means they answered yes to at least one safety question (which answers is never stored).
 */
function SharedReflection({ reflection }: { reflection: ReflectionSummary }) {
  return (
    <section class="stack" aria-label={w.reflectionLabel}>
      {reflection.safetyFirst && (
        <p class="contact-caution">
          {w.safetyFirstBefore}
          <strong>{w.safetyFirst}</strong>
          {w.safetyFirstAfter}
        </p>
      )}
      {reflection.hurtPartner && <p class="contact-caution">{w.hurtPartner}</p>}
      <h4>{w.reflectionLabel}</h4>
      <dl>
        {reflection.lines.map((line) => (
          <div key={line.question}>
            <dt>{line.question}</dt>
            <dd class="entry-body">{line.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Pending requests first (the soonest to lapse first), then confirmed consultations, soonest first. */
export function pendingFirst(consultations: Consultation[]): {
  pending: Consultation[];
  confirmed: Consultation[];
} {
  const pending = consultations
    .filter((c) => c.status === "requested")
    .sort((a, b) => (a.expiresAt ?? a.start) - (b.expiresAt ?? b.start) || a.start - b.start);
  const confirmed = consultations.filter((c) => c.status === "confirmed").sort((a, b) => a.start - b.start);
  return { pending, confirmed };
}

function ConsultationList(props: { consultations: Consultation[]; zone: string; answering: Answering }) {
  const { consultations, zone, answering } = props;
  return (
    <ul class="client-list">
      {consultations.map((consultation) => (
        <ConsultationCard
          key={consultation.id}
          consultation={consultation}
          zone={zone}
          answering={answering}
        />
      ))}
    </ul>
  );
}

/** Cancelled consultations that were still to come, with the visitor's reason where they gave one. */
function CancelledList({ cancelled, zone }: { cancelled: CancelledConsultation[]; zone: string }) {
  return (
    <section class="stack" aria-labelledby="cancelled-heading">
      <h2 id="cancelled-heading">{w.cancelledHeading}</h2>
      <p>{w.cancelledIntro}</p>
      <ul class="client-list">
        {cancelled.map((consultation) => (
          <li class="card stack" key={consultation.id}>
            <h3>{fullMoment(consultation.start, zone)}</h3>
            <dl class="data-row">
              <div>
                <dt>{w.terms.name}</dt>
                <dd>{consultation.name}</dd>
              </div>
              <div>
                <dt>{w.theirReason}</dt>
                <dd class="entry-body">{consultation.reason === "" ? w.noReason : consultation.reason}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The therapist's own upcoming consultations, with what each visitor chose to share: requests waiting
 * for an answer first, each with Approve and Decline.
 */
export function ConsultationsPage(props: {
  site: SiteContext;
  zone: string;
  consultations: Consultation[];
  /** Cancelled ones still to come; none when left out. */
  cancelled?: CancelledConsultation[];
  answering: Answering;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, zone, consultations, cancelled = [], answering, notice, problem } = props;
  const { pending, confirmed } = pendingFirst(consultations);
  return (
    <Layout site={site} meta={{ title: w.title, description: w.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{w.back}</a>
        </p>
        <h1>{w.title}</h1>
        <p>{w.intro(zone.replace(/_/g, " "))}</p>
        <p>
          <a href="/practice/booking">{w.changeSettings}</a>
        </p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <FormProblem message={problem} />
        {pending.length > 0 && (
          <section class="stack" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{w.pendingHeading}</h2>
            <ConsultationList consultations={pending} zone={zone} answering={answering} />
          </section>
        )}
        <section class="stack" aria-labelledby="confirmed-heading">
          <h2 id="confirmed-heading">{w.confirmedHeading}</h2>
          {confirmed.length === 0 ? (
            <p>{w.noneYet}</p>
          ) : (
            <ConsultationList consultations={confirmed} zone={zone} answering={answering} />
          )}
        </section>
        {cancelled.length > 0 && <CancelledList cancelled={cancelled} zone={zone} />}
      </div>
    </Layout>
  );
}
