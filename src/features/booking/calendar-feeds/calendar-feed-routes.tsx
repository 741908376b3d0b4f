import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost, fieldText, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { subscriptionOf } from "../subscription/calendar-subscription.ts";
import { subscriptionAddresses } from "../subscription/subscription-section.tsx";
import { addCalendar } from "./add-calendar.ts";
import { feedsOf, removeFeed } from "./calendar-feeds.ts";
import { type AddFeedForm, CalendarsPage } from "./calendars-page.tsx";
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
      // together with the name's, so both are checked in one place: addCalendar.
      schema: z.object({ label: z.string(), url: z.string() }),
      rerender: page,
      // This form's own answer to an old page, kept as it was: 400, and words saying nothing was saved.
      notGenuine: (request, reply, values) =>
        page(request, reply, 400, {
          values,
          problem: m.addExpired,
        }),
      handle: async ({ request, reply, values, invalid }) => {
        const added = await addCalendar(ctx, therapistOf(request).id, values);
        if (!added.ok) return invalid(added.errors);
        const notice = added.read ? "added" : "added-failed";
        return reply.redirect(`/practice/booking/calendars?notice=${notice}`, 303);
      },
    }),
  );

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
