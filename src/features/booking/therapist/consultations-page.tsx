import { FormProblem } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { ReflectionSummary } from "../../assessments/self-check/reflection-summary.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { fullMoment } from "../messages.ts";
import type { Kind } from "../visitor/times-page.tsx";
import type { StoredVisitor } from "../visitor-details.ts";
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
          <dt>Who it is for</dt>
          <dd>{w.kind[consultation.kind]}</dd>
        </div>
        <div>
          <dt>How</dt>
          <dd>{w.meeting[consultation.meeting]}</dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>{visitor.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{visitor.email}</dd>
        </div>
        {visitor.phone !== "" && (
          <div>
            <dt>Phone</dt>
            <dd>{visitor.phone}</dd>
          </div>
        )}
        <div>
          <dt>Contact them only by</dt>
          <dd>{visitor.contactBy.map((channel) => w.channel[channel]).join(", ")}</dd>
        </div>
        <div>
          <dt>Messages</dt>
          <dd>{visitor.leaveMessage ? w.messagesOk : w.noMessages}</dd>
        </div>
        {consultation.visitorTimeZone !== zone && (
          <div>
            <dt>Their own time</dt>
            <dd>{fullMoment(consultation.start, consultation.visitorTimeZone)}</dd>
          </div>
        )}
        {visitor.note !== "" && (
          <div>
            <dt>Their note</dt>
            <dd class="entry-body">{visitor.note}</dd>
          </div>
        )}
      </dl>
      {visitor.reflection && <SharedReflection reflection={visitor.reflection} />}
      {consultation.status === "confirmed" && consultation.start > Date.now() && (
        <p class="inline-form">
          <a href={`/practice/consultations/${consultation.id}/move`}>Move it</a>{" "}
          <a href={`/practice/consultations/${consultation.id}/cancel`}>Cancel it</a>
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
    <section class="stack" aria-label="Their self-check reflection">
      {reflection.safetyFirst && (
        <p class="contact-caution">
          Their self-check ended with <strong>safety first</strong>: they answered yes to at least one
          question about fear, harm, control or thoughts of suicide. Please speak with them alone first.
        </p>
      )}
      {reflection.hurtPartner && (
        <p class="contact-caution">
          In their self-check they said they have hurt or frightened their partner, or worry that they might.
          They were shown help for people who use abuse.
        </p>
      )}
      <h4>Their self-check reflection</h4>
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

/**
 * The therapist's own upcoming consultations, with what each visitor chose to share: requests waiting
 * for an answer first, each with Approve and Decline.
 */
export function ConsultationsPage(props: {
  site: SiteContext;
  zone: string;
  consultations: Consultation[];
  answering: Answering;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, zone, consultations, answering, notice, problem } = props;
  const { pending, confirmed } = pendingFirst(consultations);
  return (
    <Layout
      site={site}
      meta={{ title: "Consultations", description: "Free consultations booked with you.", noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href="/practice">← Your practice</a>
        </p>
        <h1>Consultations</h1>
        <p>
          Free consultations booked with you. Times are in your time zone, {zone.replace(/_/g, " ")}. Please
          contact each person only in the ways they chose.
        </p>
        <p>
          <a href="/practice/booking">Change your hours and booking settings</a>
        </p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <FormProblem message={problem} />
        {pending.length > 0 && (
          <section class="stack" aria-labelledby="pending-heading">
            <h2 id="pending-heading">Waiting for your answer</h2>
            <ConsultationList consultations={pending} zone={zone} answering={answering} />
          </section>
        )}
        <section class="stack" aria-labelledby="confirmed-heading">
          <h2 id="confirmed-heading">Confirmed, soonest first</h2>
          {confirmed.length === 0 ? (
            <p>No consultations are booked yet.</p>
          ) : (
            <ConsultationList consultations={confirmed} zone={zone} answering={answering} />
          )}
        </section>
      </div>
    </Layout>
  );
}
