import { dates } from "../../../platform/web/date-time-formats.ts";
import { FormToken } from "../../../platform/web/form-fields.tsx";
import { subscriptionMessages as m } from "./messages.ts";

const moment = dates.mediumMoment;

/** The address of a therapist's subscription feed, as https and as webcal (which phones open directly). */
export function subscriptionAddresses(publicUrl: URL, secret: string): { https: string; webcal: string } {
  const https = new URL(`/calendar/consultations/${secret}.ics`, publicUrl).href;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** "Your consultations in your own calendar": make, copy, renew or stop the private subscription address. */
export function SubscriptionSection(props: {
  token: string;
  timeZone: string;
  subscription?: { https: string; webcal: string; lastReadAt: Date | null } | undefined;
}) {
  const { token, timeZone, subscription } = props;
  return (
    <section class="stack" aria-labelledby="subscription-heading">
      <h2 id="subscription-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {subscription ? (
        <>
          <div class="field">
            <label for="subscription-address">{m.addressLabel}</label>
            <input
              id="subscription-address"
              type="text"
              readonly
              value={subscription.https}
              autocomplete="off"
              spellcheck={false}
            />
          </div>
          <p>
            <a href={subscription.webcal}>{m.subscribeHere}</a>
            {m.orPaste}{" "}
            {subscription.lastReadAt ? m.lastRead(moment(subscription.lastReadAt, timeZone)) : m.neverRead}
          </p>
          <div class="inline-form">
            <form method="post" action="/practice/booking/calendars/subscription">
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                {m.renew}
              </button>
            </form>
            <form method="post" action="/practice/booking/calendars/subscription/stop">
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                {m.stop}
              </button>
            </form>
          </div>
        </>
      ) : (
        <form method="post" action="/practice/booking/calendars/subscription">
          <FormToken token={token} />
          <button class="button" type="submit">
            {m.make}
          </button>
        </form>
      )}
    </section>
  );
}
