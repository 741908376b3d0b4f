import type { FastifyRequest } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { fullMoment } from "../booking/messages.ts";
import { mySessionWords as w } from "./messages.ts";
import { type UpcomingConsultation, upcomingConsultationOf } from "./my-consultation.ts";
import { type UpcomingSession, upcomingSessionsOf } from "./session-list.ts";

export type MyAppointments = { consultation: UpcomingConsultation | undefined; sessions: UpcomingSession[] };

/** The calendar file of the signed-in client's upcoming appointments. */
export const myAppointmentsFile = "/my/appointments.ics";

/**
 * The signed-in client's upcoming appointments: the consultation they were invited from while it is still
 * ahead (when it is theirs to see, record 070), their own sessions alone and their couple's joint ones,
 * each session also checked against the policy, so a partner's session alone can never reach this list
 * (HAZ-044).
 */
export async function myAppointments(
  db: Database,
  request: FastifyRequest,
  now = new Date(),
): Promise<MyAppointments> {
  const actor = requestActor(request);
  const client = clientOf(request);
  const [consultation, sessions] = await Promise.all([
    upcomingConsultationOf(db, client, now),
    upcomingSessionsOf(db, client, now),
  ]);
  return { consultation, sessions: sessions.filter((s) => allow(actor, "read", { type: "session", ...s })) };
}

/** A small section of the client's space: the times only, in the practice's zone, named. */
export function MyAppointmentsSection(props: { appointments: MyAppointments; zone: string }) {
  const { appointments, zone } = props;
  const { consultation, sessions } = appointments;
  const together = (yes: boolean) => yes && ` (${w.together})`;
  return (
    <section class="stack" aria-labelledby="my-sessions-heading">
      <h2 id="my-sessions-heading">{w.heading}</h2>
      {!consultation && sessions.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          <ul>
            {consultation && (
              <li key={consultation.id}>
                {w.consultation}: {fullMoment(consultation.start, zone)}
                {together(consultation.together)}
              </li>
            )}
            {sessions.map((s) => (
              <li key={s.id}>
                {fullMoment(s.start, zone)}
                {together(s.together)}
              </li>
            ))}
          </ul>
          <p>
            <a href={myAppointmentsFile} download="appointments.ics">
              {w.calendarFile}
            </a>
          </p>
        </>
      )}
      <p class="muted">{w.notRecord}</p>
    </section>
  );
}
