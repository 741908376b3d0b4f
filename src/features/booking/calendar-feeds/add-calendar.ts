import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { FieldErrors } from "../../../platform/web/form-post.ts";
import { addFeed } from "./calendar-feeds.ts";
import { checkFeedAddress } from "./feed-address-guard.ts";
import { calendarsMessages as m } from "./messages.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

/**
 * Adds a therapist's calendar: the name and the address checked together (the address over the network),
 * so both problems show at once; then the feed, the audit, and a first read, whose result the page shows.
 */
export async function addCalendar(
  ctx: Pick<AppContext, "db" | "keys" | "calendarFeedFetch">,
  therapistId: string,
  values: { label: string; url: string },
): Promise<{ ok: false; errors: FieldErrors } | { ok: true; read: boolean }> {
  const { db, keys, calendarFeedFetch: fetchOptions } = ctx;
  const errors: FieldErrors = {};
  if (values.label === "") errors.label = m.labelMissing;
  else if (values.label.length > 80) errors.label = m.labelTooLong;
  if (values.url === "") errors.url = m.urlMissing;
  else if (values.url.length > 2000) errors.url = m.urlTooLong;
  const checked = errors.url
    ? undefined
    : await checkFeedAddress(values.url, fetchOptions?.resolve, fetchOptions);
  if (checked && !checked.ok) errors.url = checked.reason;
  if (!checked?.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const id = await addFeed(db, keys, { therapistId, label: values.label, url: checked.url });
  await recordAudit(db, {
    actor: `therapist:${therapistId}`,
    action: "calendar-feed.added",
    subject: `therapist:${therapistId}`,
  });
  const result = await refreshDueFeeds(db, keys, {
    feedId: id,
    ...(fetchOptions ? { fetch: fetchOptions } : {}),
  });
  return { ok: true, read: result.read === 1 };
}
