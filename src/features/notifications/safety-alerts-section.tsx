import { notificationMessages as m } from "./messages.ts";
import { NotificationItem } from "./notification-item.tsx";
import type { SafetyAlert } from "./safety-alerts.ts";

/**
 * Safety and self-harm alerts, first on the practice home: the therapist's own and those they cover
 * for an away colleague. Who, what kind, when; never the answers (DOMAIN.md §4). The marking-seen form
 * shares "Needs you"'s token.
 */
export function SafetyAlertsSection(props: { items: SafetyAlert[]; timeZone: string; token: string }) {
  const { items, timeZone, token } = props;
  return (
    <section class="card stack safety-alerts" aria-labelledby="safety-alerts">
      <h2 id="safety-alerts">{m.safetyHeading}</h2>
      {items.length === 0 ? (
        <p class="muted">{m.safetyNothing}</p>
      ) : (
        <>
          <p class="muted">{m.safetyIntro}</p>
          <ul class="needs-you__list">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} timeZone={timeZone} token={token} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
