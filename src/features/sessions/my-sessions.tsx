import type { FastifyRequest } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { fullMoment } from "../booking/messages.ts";
import { mySessionWords as w } from "./messages.ts";
import { type UpcomingSession, upcomingSessionsOf } from "./session-list.ts";

/**
 * The signed-in client's upcoming appointments: their own alone and their couple's joint ones, each also
 * checked against the policy, so a partner's session alone can never reach this list (HAZ-044).
 */
export async function mySessions(db: Database, request: FastifyRequest): Promise<UpcomingSession[]> {
  const actor = requestActor(request);
  const sessions = await upcomingSessionsOf(db, clientOf(request), new Date());
  return sessions.filter((s) => allow(actor, "read", { type: "session", ...s }));
}

/** A small section of the client's space: the times only, in the practice's zone, named. */
export function MySessions(props: { sessions: UpcomingSession[]; zone: string }) {
  const { sessions, zone } = props;
  return (
    <section class="stack" aria-labelledby="my-sessions-heading">
      <h2 id="my-sessions-heading">{w.heading}</h2>
      {sessions.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              {fullMoment(s.start, zone)}
              {s.together && ` (${w.together})`}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{w.notRecord}</p>
    </section>
  );
}
