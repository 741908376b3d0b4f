import { FormToken } from "../../../platform/web/form-fields.tsx";

const moment = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);

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
      <h2 id="subscription-heading">Your consultations in your own calendar</h2>
      <p>
        A private address your phone or calendar app can subscribe to, so every consultation shows there. Each
        one is titled “Appointment with” your practice and the visitor's initials only — never a name, email
        or note — because phones show calendars on the lock screen. Anyone with the address can see those
        times and initials, so keep it as private as a password.
      </p>
      {subscription ? (
        <>
          <div class="field">
            <label for="subscription-address">Your private address</label>
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
            <a href={subscription.webcal}>Subscribe on this device</a>, or paste the address into your
            calendar app's “subscribe” or “add from URL”.{" "}
            {subscription.lastReadAt
              ? `A calendar last read it ${moment(subscription.lastReadAt, timeZone)}.`
              : "No calendar has read it yet."}
          </p>
          <div class="inline-form">
            <form method="post" action="/practice/booking/calendars/subscription">
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                Make a new address (the old one stops working)
              </button>
            </form>
            <form method="post" action="/practice/booking/calendars/subscription/stop">
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                Stop sharing
              </button>
            </form>
          </div>
        </>
      ) : (
        <form method="post" action="/practice/booking/calendars/subscription">
          <FormToken token={token} />
          <button class="button" type="submit">
            Make a private address
          </button>
        </form>
      )}
    </section>
  );
}
