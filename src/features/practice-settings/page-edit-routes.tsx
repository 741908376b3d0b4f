import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { renderMarkdown } from "../articles/render-markdown.ts";
import { type PracticePage, practicePages } from "./live-practice-pages.ts";
import { MarkdownEditPage, type MarkdownValues } from "./markdown-edit-page.tsx";
import { pageEditMessages as m } from "./page-messages.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import { savePracticeSettings } from "./save-practice-settings.ts";
import { ownerMay, settingsFormName } from "./settings-routes.tsx";

const pageParam = z.enum(practicePages as [PracticePage, ...PracticePage[]]);
const pageSchema = z.object({
  version: z.coerce.number().int().catch(-1),
  text: z
    .string()
    .trim()
    .min(1, m.empty)
    .max(pageTextLimit, m.tooLong(pageTextLimit.toLocaleString("en-GB"))),
  intent: z.enum(["preview", "save"]).catch("save"),
});

const pageOf = (request: FastifyRequest): PracticePage | undefined => {
  const parsed = pageParam.safeParse((request.params as { page?: string }).page);
  return parsed.success ? parsed.data : undefined;
};

/** The owner edits the privacy and accessibility pages in Markdown, previews them and saves (record 059). */
export function registerPageEditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, settings } = ctx;
  const path = "/practice/settings/pages/:page";

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form?: FormState<MarkdownValues>,
    extra: { previewHtml?: string; notice?: string } = {},
  ) => {
    const which = pageOf(request);
    if (!which) return sendErrorPage(reply, site, 404);
    const values = form?.values ?? {
      version: String(settings.version),
      text: settings.current.pageTexts?.[which] ?? "",
    };
    return sendPrivate(
      reply,
      renderPage(
        <MarkdownEditPage
          site={site}
          token={formTokenFor(request, keys.current, settingsFormName, "session")}
          form={{ ...form, values }}
          heading={m.heading(m.titles[which])}
          intro={m.intro}
          backHref="/practice/settings#pages"
          action={`/practice/settings/pages/${which}`}
          words={{ text: m.text, save: m.save }}
          {...extra}
        />,
      ),
      status,
    );
  };

  app.get(path, { config: { access: "owner" } }, (request, reply) => {
    const saved = (request.query as Record<string, unknown>).notice === "saved";
    return page(request, reply, 200, undefined, saved ? { notice: m.saved } : {});
  });

  const post = formPost({
    form: { name: settingsFormName, scope: "session", keys: keys.current, publicUrl },
    read: (body): MarkdownValues => ({ version: fieldText(body, "version"), text: fieldText(body, "text") }),
    secrets: (body) => ({ intent: fieldText(body, "intent") }),
    schema: pageSchema,
    rerender: page,
    problemWhenInvalid: m.nothingSaved,
    handle: async ({ request, reply, data, values, invalid }) => {
      const which = pageOf(request);
      if (!which) return sendErrorPage(reply, site, 404);
      if (data.intent === "preview")
        return page(request, reply, 200, { values }, { previewHtml: renderMarkdown(data.text).html });
      const saved = await savePracticeSettings(db, {
        therapistId: therapistOf(request).id,
        expectedVersion: data.version,
        part: `page.${which}`,
        change: (current) => {
          const texts = current.pageTexts ?? { privacy: "", accessibility: "" };
          return { ok: true, next: { ...current, pageTexts: { ...texts, [which]: data.text } } };
        },
        fieldFor: () => ["text", m.nothingSaved],
      });
      if (saved.ok) {
        settings.apply(saved.stored);
        return reply.redirect(`/practice/settings/pages/${which}?notice=saved`, 303);
      }
      if (saved.stale) {
        await settings.refresh();
        return page(request, reply, 409, {
          values: { ...values, version: String(settings.version) },
          problem: m.changedMeanwhile,
        });
      }
      return invalid(saved.errors);
    },
  });

  app.post(path, { config: { ...authRateLimit, access: "owner" } }, async (request, reply) => {
    if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
    if (!pageOf(request)) return sendErrorPage(reply, site, 404);
    return post(request, reply);
  });
}
