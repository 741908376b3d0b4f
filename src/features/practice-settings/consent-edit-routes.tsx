import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { consentDocumentsOf } from "../accounts/clients/live-consent-documents.ts";
import { recordConsentVersions } from "../accounts/clients/record-consent-versions.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { renderMarkdown } from "../articles/render-markdown.ts";
import { MarkdownEditPage, type MarkdownValues } from "./markdown-edit-page.tsx";
import { consentEditMessages as c, pageEditMessages as m } from "./page-messages.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import { savePracticeSettings } from "./save-practice-settings.ts";
import { ownerMay, settingsFormName } from "./settings-routes.tsx";

// Browsers send a textarea's line breaks as CRLF; the version is a hash of the text, so an unchanged
// document saved from the browser must hash as the file did.
const withPlainLineBreaks = (text: string) => text.replace(/\r\n?/g, "\n");

const consentSchema = z.object({
  version: z.coerce.number().int().catch(-1),
  // Not trimmed: the exact words are the version clients accept (record 059).
  text: z
    .string()
    .max(pageTextLimit, m.tooLong(pageTextLimit.toLocaleString("en-GB")))
    .transform(withPlainLineBreaks)
    .refine((text) => text.trim().length > 0, c.empty),
  intent: z.enum(["preview", "save"]).catch("save"),
});

/** The owner edits each consent document; a save is the document's next version (record 059). */
export function registerConsentEditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, settings, consentDocuments } = ctx;
  const path = "/practice/settings/consent/:document";

  const documentOf = (request: FastifyRequest) => {
    const id = (request.params as { document?: string }).document;
    return consentDocuments.current.find((document) => document.id === id);
  };

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form?: FormState<MarkdownValues>,
    extra: { previewHtml?: string; notice?: string } = {},
  ) => {
    const document = documentOf(request);
    if (!document) return sendErrorPage(reply, site, 404);
    const values = form?.values ?? { version: String(settings.version), text: document.markdown };
    return sendPrivate(
      reply,
      renderPage(
        <MarkdownEditPage
          site={site}
          token={formTokenFor(request, keys.current, settingsFormName, "session")}
          form={{ ...form, values }}
          heading={c.pageHeading(document.title)}
          intro={c.pageIntro}
          backHref="/practice/settings#consent"
          action={`/practice/settings/consent/${document.id}`}
          words={{ text: c.text, save: c.save, beforeSave: c.saveWarning }}
          {...extra}
        />,
      ),
      status,
    );
  };

  app.get(path, { config: { access: "owner" } }, (request, reply) => {
    const notice = (request.query as Record<string, unknown>).notice;
    const said = notice === "saved" ? c.saved : notice === "unchanged" ? c.unchanged : undefined;
    return page(request, reply, 200, undefined, said ? { notice: said } : {});
  });

  const post = formPost({
    form: { name: settingsFormName, scope: "session", keys: keys.current, publicUrl },
    read: (body): MarkdownValues => ({ version: fieldText(body, "version"), text: fieldText(body, "text") }),
    secrets: (body) => ({ intent: fieldText(body, "intent") }),
    schema: consentSchema,
    rerender: page,
    problemWhenInvalid: m.nothingSaved,
    handle: async ({ request, reply, data, values, invalid }) => {
      const document = documentOf(request);
      if (!document) return sendErrorPage(reply, site, 404);
      if (data.intent === "preview")
        return page(request, reply, 200, { values }, { previewHtml: renderMarkdown(data.text).html });
      const unchanged = data.text === document.markdown;
      const saved = await savePracticeSettings(db, {
        therapistId: therapistOf(request).id,
        expectedVersion: data.version,
        part: `consent.${document.id}`,
        change: (current) => {
          const texts =
            current.consentTexts ??
            Object.fromEntries(consentDocuments.current.map((d) => [d.id, d.markdown]));
          return { ok: true, next: { ...current, consentTexts: { ...texts, [document.id]: data.text } } };
        },
        fieldFor: () => ["text", m.nothingSaved],
        // The new version's words are kept with the settings that bring it into force, or neither is.
        alsoInTransaction: (tx, next) =>
          recordConsentVersions(
            tx,
            consentDocumentsOf(next, []).filter((d) => d.id === document.id),
          ),
      });
      if (saved.ok) {
        settings.apply(saved.stored);
        const notice = unchanged ? "unchanged" : "saved";
        return reply.redirect(`/practice/settings/consent/${document.id}?notice=${notice}`, 303);
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
    if (!documentOf(request)) return sendErrorPage(reply, site, 404);
    return post(request, reply);
  });
}
