import { glanceMessages as m } from "./messages.ts";

/** Consultation requests still waiting for an answer (they lapse if nobody answers). */
export function RequestsWaitingSection(props: { waiting: number }) {
  if (props.waiting === 0) return null;
  return (
    <section class="card stack" aria-labelledby="requests-waiting">
      <h2 id="requests-waiting">{m.requestsHeading}</h2>
      <p>
        <a href="/practice/consultations">{m.requestsWaiting(props.waiting)}</a>
      </p>
    </section>
  );
}
