import { FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { SubscriptionSection } from "../subscription/subscription-section.tsx";
import type { FeedStatus } from "./calendar-feeds.ts";
import { isStale } from "./refresh-calendar-feeds.ts";

const moment = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);

export type AddFeedForm = {
  values?: { label?: string; url?: string };
  errors?: Record<string, string>;
  problem?: string | undefined;
};

function FeedItem(props: { feed: FeedStatus; token: string; timeZone: string; now: Date }) {
  const { feed, token, timeZone, now } = props;
  const failing = feed.lastError !== null;
  return (
    <li class="card stack">
      <h3>{feed.label}</h3>
      <p class="muted">From {feed.host}</p>
      {failing ? (
        <div class="contact-caution">
          <p>
            <strong>The last read failed:</strong> {feed.lastError}
          </p>
          <p>
            {feed.lastSuccessAt
              ? `Last read successfully ${moment(feed.lastSuccessAt, timeZone)}. Until it can be read again, the busy times from that read still block consultation times.`
              : "It has never been read successfully, so it does not block any times yet."}
          </p>
        </div>
      ) : feed.lastSuccessAt ? (
        <p>
          Read {moment(feed.lastSuccessAt, timeZone)}: {feed.busyCount}{" "}
          {feed.busyCount === 1 ? "busy time" : "busy times"} in the coming year.
          {isStale(feed.lastSuccessAt, now)
            ? " (This is older than it should be; Haven will try again soon.)"
            : ""}
        </p>
      ) : (
        <p>Not read yet. Haven reads it within a few minutes.</p>
      )}
      <div class="inline-form">
        <form method="post" action={`/practice/booking/calendars/${feed.id}/check`}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            Check now
          </button>
        </form>
        <form method="post" action={`/practice/booking/calendars/${feed.id}/remove`}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            Remove
          </button>
        </form>
      </div>
    </li>
  );
}

/** The therapist's own calendars: which are read, how the last read went, and adding another. */
export function CalendarsPage(props: {
  site: SiteContext;
  feeds: FeedStatus[];
  token: string;
  timeZone: string;
  now: Date;
  notice?: string | undefined;
  form?: AddFeedForm;
  subscription?: { https: string; webcal: string; lastReadAt: Date | null } | undefined;
}) {
  const { site, feeds, token, timeZone, now, notice, form = {}, subscription } = props;
  return (
    <Layout site={site} meta={{ title: "Your calendars", description: "Your calendars.", noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/booking">← Booking settings</a>
        </p>
        <h1>Your calendars</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>
          Haven reads your own calendar every 10 minutes and offers no consultation time that clashes with it.
          Only when you are busy is kept — never titles, places or who you are meeting. Events marked “free”
          or cancelled are ignored.
        </p>
        <h2>Calendars Haven reads</h2>
        {feeds.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul class="client-list">
            {feeds.map((feed) => (
              <FeedItem key={feed.id} feed={feed} token={token} timeZone={timeZone} now={now} />
            ))}
          </ul>
        )}
        <h2>Add a calendar</h2>
        <p>Copy your calendar's private address:</p>
        <ul>
          <li>
            Google Calendar: Settings → your calendar → Integrate calendar → “Secret address in iCal format”.
          </li>
          <li>Outlook: Settings → Calendar → Shared calendars → Publish a calendar → the ICS link.</li>
          <li>
            Apple Calendar (iCloud): share the calendar as a public calendar and copy its link. Anyone with
            that link can read the calendar, so keep it as private as a password.
          </li>
        </ul>
        <form method="post" action="/practice/booking/calendars" class="form stack">
          <FormToken token={token} />
          <FormProblem message={form.problem} />
          <TextField
            name="label"
            label="A name for it"
            hint="For you only, e.g. “Work calendar”."
            value={form.values?.label}
            error={form.errors?.label}
          />
          <TextField
            name="url"
            label="Its private address"
            hint="It starts with https:// or webcal://"
            value={form.values?.url}
            error={form.errors?.url}
            autocomplete="off"
          />
          <button class="button" type="submit">
            Add and read it now
          </button>
        </form>
        <SubscriptionSection token={token} timeZone={timeZone} subscription={subscription} />
      </div>
    </Layout>
  );
}
