import { dates } from "../../../platform/web/date-time-formats.ts";
import { FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { SubscriptionSection } from "../subscription/subscription-section.tsx";
import type { FeedStatus } from "./calendar-feeds.ts";
import { calendarsMessages as m } from "./messages.ts";
import { isStale } from "./refresh-calendar-feeds.ts";

const moment = dates.mediumMoment;

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
      <p class="muted">{m.from(feed.host)}</p>
      {failing ? (
        <div class="contact-caution">
          <p>
            <strong>{m.lastReadFailed}</strong> {feed.lastError}
          </p>
          <p>{feed.lastSuccessAt ? m.lastReadOk(moment(feed.lastSuccessAt, timeZone)) : m.neverRead}</p>
        </div>
      ) : feed.lastSuccessAt ? (
        <p>
          {m.readSummary(moment(feed.lastSuccessAt, timeZone), feed.busyCount)}
          {isStale(feed.lastSuccessAt, now) ? m.stale : ""}
        </p>
      ) : (
        <p>{m.notReadYet}</p>
      )}
      <div class="inline-form">
        <form method="post" action={`/practice/booking/calendars/${feed.id}/check`}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            {m.checkNow}
          </button>
        </form>
        <form method="post" action={`/practice/booking/calendars/${feed.id}/remove`}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            {m.remove}
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
    <Layout site={site} meta={{ title: m.title, description: `${m.title}.`, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/booking">{m.back}</a>
        </p>
        <h1>{m.title}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>{m.intro}</p>
        <h2>{m.readHeading}</h2>
        {feeds.length === 0 ? (
          <p>{m.noneYet}</p>
        ) : (
          <ul class="client-list">
            {feeds.map((feed) => (
              <FeedItem key={feed.id} feed={feed} token={token} timeZone={timeZone} now={now} />
            ))}
          </ul>
        )}
        <h2>{m.addHeading}</h2>
        <p>{m.copyAddress}</p>
        <ul>
          {m.whereToCopy.map((where) => (
            <li key={where}>{where}</li>
          ))}
        </ul>
        <form method="post" action="/practice/booking/calendars" class="form stack">
          <FormToken token={token} />
          <FormProblem message={form.problem} />
          <TextField
            name="label"
            label={m.labelLabel}
            hint={m.labelHint}
            value={form.values?.label}
            error={form.errors?.label}
          />
          <TextField
            name="url"
            label={m.urlLabel}
            hint={m.urlHint}
            value={form.values?.url}
            error={form.errors?.url}
            autocomplete="off"
          />
          <button class="button" type="submit">
            {m.add}
          </button>
        </form>
        <SubscriptionSection token={token} timeZone={timeZone} subscription={subscription} />
      </div>
    </Layout>
  );
}
