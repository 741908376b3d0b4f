import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost, type FieldErrors, fieldText, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { subscriptionOf } from "../subscription/calendar-subscription.ts";
import { subscriptionAddresses } from "../subscription/subscription-section.tsx";
import { addFeed, feedsOf, removeFeed } from "./calendar-feeds.ts";
import { type AddFeedForm, CalendarsPage } from "./calendars-page.tsx";
import { checkFeedAddress } from "./feed-address-guard.ts";
import { calendarsMessages as m } from "./messages.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

/** One form token serves every form on the calendars page, the subscription's too. */
export const calendarsFormName = "calendars";
const formName = calendarsFormName;
const feedParams = z.object({ id: z.uuid() });
const notices = m.notices;
const noticeParam = z.enum(Object.keys(notices) as [keyof typeof notices, ...(keyof typeof notices)[]]);

/** The therapist's own calendars (issue 5, item 2): add, check, remove, and each one's last read. */
export function registerCalendarFeedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, calendarFeedFetch: fetchOptions } = ctx;
  const form = { name: formName, scope: "session", keys: keys.current, publicUrl } as const;

  const page = async (request: FastifyRequest, reply: FastifyReply, status = 200, form?: AddFeedForm) => {
    const therapist = therapistOf(request);
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    const subscription = await subscriptionOf(db, keys, therapist.id);
    return sendPrivate(
      reply,
      renderPage(
        <CalendarsPage
          site={site}
          feeds={await feedsOf(db, therapist.id)}
          token={formTokenFor(request, keys.current, formName, "session")}
          timeZone={therapist.timeZone}
          now={new Date()}
          subscription={
            subscription && {
              ...subscriptionAddresses(publicUrl, subscription.secret),
              lastReadAt: subscription.lastReadAt,
            }
          }
          notice={notice.success && status === 200 ? notices[notice.data] : undefined}
          {...(form ? { form } : {})}
        />,
      ),
      status,
    );
  };

  /** The therapist's own feed the address names, or undefined: another's id is answered as no such id. */
  const ownFeedId = async (request: FastifyRequest) => {
    const params = feedParams.safeParse(request.params);
    if (!params.success) return undefined;
    const owned = (await feedsOf(db, therapistOf(request).id)).some((feed) => feed.id === params.data.id);
    return owned ? params.data.id : undefined;
  };
  /** Removing checks ownership in its own query; only a malformed id is answered before the token. */
  const wellFormedFeedId = async (request: FastifyRequest) => feedParams.safeParse(request.params).data?.id;

  /**
   * A feed's button (check, remove). An old page is answered as before: a malformed id (or, for check,
   * another's feed) is still not found, and otherwise the page again, 400, saying to try again.
   */
  const feedButton = (
    known: (request: FastifyRequest) => Promise<string | undefined>,
    handle: (request: FastifyRequest, reply: FastifyReply, feedId: string) => Promise<unknown>,
  ) => {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const feedId = await known(request);
      if (!feedId) return sendErrorPage(reply, site, 404);
      return actionPost({
        form,
        notGenuine: (request, reply) => page(request, reply, 400, { problem: m.buttonExpired }),
        handle: (request, reply) => handle(request, reply, feedId),
      })(request, reply);
    };
  };

  app.get("/practice/booking/calendars", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply),
  );

  app.post(
    "/practice/booking/calendars",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form,
      read: (body) => ({ label: fieldText(body, "label").trim(), url: fieldText(body, "url").trim() }),
      // Only the shape here: the address is checked over the network, and its problem is shown
      // together with the name's, so both are checked in one place below.
      schema: z.object({ label: z.string(), url: z.string() }),
      rerender: page,
      // This form's own answer to an old page, kept as it was: 400, and words saying nothing was saved.
      notGenuine: (request, reply, values) =>
        page(request, reply, 400, {
          values,
          problem: m.addExpired,
        }),
      handle: ({ request, reply, values, invalid }) => addCalendar(request, reply, values, invalid),
    }),
  );

  /** Adding a calendar's address: its checks, the feed, the audit, and a first read. */
  const addCalendar = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { label: string; url: string },
    invalid: (errors: FieldErrors) => unknown,
  ) => {
    const therapist = therapistOf(request);
    const errors: Record<string, string> = {};
    if (values.label === "") errors.label = m.labelMissing;
    else if (values.label.length > 80) errors.label = m.labelTooLong;
    if (values.url === "") errors.url = m.urlMissing;
    else if (values.url.length > 2000) errors.url = m.urlTooLong;
    const checked = errors.url
      ? undefined
      : await checkFeedAddress(values.url, fetchOptions?.resolve, fetchOptions);
    if (checked && !checked.ok) errors.url = checked.reason;
    if (!checked?.ok || Object.keys(errors).length > 0) return invalid(errors);

    const id = await addFeed(db, keys, {
      therapistId: therapist.id,
      label: values.label,
      url: checked.url,
    });
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "calendar-feed.added",
      subject: `therapist:${therapist.id}`,
    });
    const result = await refreshDueFeeds(db, keys, {
      feedId: id,
      ...(fetchOptions ? { fetch: fetchOptions } : {}),
    });
    return reply.redirect(
      `/practice/booking/calendars?notice=${result.read === 1 ? "added" : "added-failed"}`,
      303,
    );
  };

  app.post(
    "/practice/booking/calendars/:id/check",
    { config: { ...authRateLimit, access: "therapist" } },
    feedButton(ownFeedId, async (_request, reply, feedId) => {
      const result = await refreshDueFeeds(db, keys, {
        feedId,
        ...(fetchOptions ? { fetch: fetchOptions } : {}),
      });
      // Being read by another instance this very moment counts as checked: its result shows on the page.
      const failed = result.failed + result.broken > 0;
      return reply.redirect(`/practice/booking/calendars?notice=${failed ? "check-failed" : "checked"}`, 303);
    }),
  );

  app.post(
    "/practice/booking/calendars/:id/remove",
    { config: { ...authRateLimit, access: "therapist" } },
    feedButton(wellFormedFeedId, async (request, reply, feedId) => {
      const therapist = therapistOf(request);
      if (!(await removeFeed(db, therapist.id, feedId))) return sendErrorPage(reply, site, 404);
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "calendar-feed.removed",
        subject: `therapist:${therapist.id}`,
      });
      return reply.redirect("/practice/booking/calendars?notice=removed", 303);
    }),
  );
}
