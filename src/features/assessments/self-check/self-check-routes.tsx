import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { perInstanceLimit } from "../../../platform/security/rate-limit/database-rate-limit-store.ts";
import { actionPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { containsCrisisWords } from "./crisis-words.ts";
import { recommend } from "./recommend.ts";
import { reflectionSummary } from "./reflection-summary.ts";
import { readAnswers } from "./self-check-answers.ts";
import {
  handoffLifetimeMs,
  keepReflection,
  reflectionCookie,
  sealSummary,
  unsealSummary,
} from "./self-check-handoff.ts";
import { SelfCheckPage, stepIds } from "./self-check-page.tsx";
import { SelfCheckResultPage } from "./self-check-result-page.tsx";

// Counted in memory, never in the database: the self-check leaves nothing behind (record 057).
const selfCheckRateLimit = { rateLimit: { max: 60, timeWindow: "1 minute", ...perInstanceLimit } };
const empty = { reflection: {}, private: undefined, safety: {} };

/**
 * The public self-check. Nothing is stored: answers travel in the form (by POST, never in a URL), and
 * each page is built from them and forgotten. Logs record only the route.
 */

export function registerSelfCheckRoutes(
  app: FastifyInstance,
  { db, site, keys, publicUrl, secure }: AppContext,
): void {
  app.get("/self-check", { config: { access: "public" } }, (_request, reply) =>
    sendPrivate(
      reply,
      renderPage(<SelfCheckPage site={site} step={stepIds[0] as string} answers={empty} crisis={false} />),
    ),
  );

  // No CSRF token here: this form changes nothing and stores nothing; it only shows the next step.
  app.post("/self-check", { config: { ...selfCheckRateLimit, access: "public" } }, (request, reply) => {
    const answers = readAnswers(request.body);
    const go = (request.body as Record<string, unknown> | undefined)?.go;
    const crisis = Object.values(answers.reflection).some(
      (v) => typeof v === "string" && containsCrisisWords(v),
    );
    if (go === "result") {
      const country =
        site.practice.helpLines.find((c) => c.code === site.practice.country) ?? site.practice.helpLines[0];
      if (!country) throw new Error("the practice settings name no help lines");
      const recommendation = recommend(answers, { crisisWords: crisis });
      const share = {
        token: formTokenFor(request, keys.current, "keep-reflection", "anonymous"),
        sealed: sealSummary(keys, reflectionSummary(answers, recommendation)),
      };
      return sendPrivate(
        reply,
        renderPage(
          <SelfCheckResultPage
            site={site}
            country={country}
            answers={answers}
            recommendation={recommendation}
            share={share}
          />,
        ),
      );
    }
    const step = typeof go === "string" && stepIds.includes(go) ? go : (stepIds[0] as string);
    return sendPrivate(
      reply,
      renderPage(<SelfCheckPage site={site} step={step} answers={answers} crisis={crisis} />),
    );
  });

  /** The sealed reflection posted back, if it is one of ours, and the booking it points to. */
  const posted = (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const summary = typeof body.summary === "string" ? unsealSummary(keys, body.summary) : undefined;
    const kind = summary?.recommended === "couple" ? "couple" : "individual";
    return { summary, consent: body.consent === "yes", booking: `/book?kind=${kind}` };
  };

  app.post(
    "/self-check/keep",
    { config: { ...selfCheckRateLimit, access: "public" } },
    actionPost({
      form: { name: "keep-reflection", scope: "anonymous", keys: keys.current, publicUrl },
      // Without a genuine form nothing is kept: this just opens booking.
      notGenuine: (request, reply) => reply.redirect(posted(request).booking, 303),
      handle: async (request, reply) => {
        const { summary, consent, booking } = posted(request);
        // Only with the box ticked is anything kept; otherwise this just opens booking.
        if (summary && consent) {
          const id = await keepReflection(db, keys, summary);
          reply.setCookie(reflectionCookie, id, {
            path: "/book",
            httpOnly: true,
            secure,
            sameSite: "lax",
            maxAge: handoffLifetimeMs / 1000,
          });
        }
        return reply.redirect(booking, 303);
      },
    }),
  );
}
