import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { allow } from "../../accounts/policies/policy.ts";
import { requestActor } from "../../accounts/policies/request-actor.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { clientOf } from "../../accounts/signed-in-actor.ts";
import { clientChartsView } from "../charts/chart-routes.tsx";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { measuresOf, measureWithOwner, openMeasure, saveAnswers } from "./measure-assignments.ts";
import {
  AnsweredMeasurePage,
  AnswerMeasurePage,
  MeasureListPage,
  UnavailableMeasurePage,
} from "./measure-pages.tsx";
import { askScheduledMeasures } from "./measure-schedules.ts";
import { clientTitle, isExampleWording, isSafetyScreen, measureReadiness } from "./measure-wording.ts";
import { measureMessages as m } from "./messages.ts";
import { readMeasureAnswers } from "./read-measure-answers.ts";
import { saidYesToSafety } from "./safety-answers.ts";
import { scoreMeasure } from "./score-measure.ts";
import { practiceCountryHelp, ScreenThanksPage } from "./screen-thanks-page.tsx";
import { tellTherapistAnswered } from "./tell-therapist-answered.ts";

const params = z.object({ id: z.uuid() });

/** The client's side of measures: the list, answering once, and results where they may see them. */
export function registerMeasureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, instruments, instrumentPack: pack, notifier } = ctx;
  const definitionOf = (measure: { instrumentId: string }) =>
    instruments.find((d) => d.id === measure.instrumentId);
  /**
   * An answered screen for harm is gone from the client's side: someone looking over their shoulder
   * must not be able to tell that it was asked, let alone answered (DOMAIN.md §4).
   */
  const hiddenFromClient = (definition: InstrumentDefinition, measure: { answeredAt: Date | null }) =>
    isSafetyScreen(definition) && measure.answeredAt !== null;

  /** The measure when this client may answer or read it; otherwise the same 404 as for none at all. */
  const measureFor = async (request: FastifyRequest) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) return undefined;
    const found = await measureWithOwner(db, parsed.data.id);
    const definition = found && definitionOf(found.sealed);
    if (!found || !definition || !allow(requestActor(request), "update", found.resource)) return undefined;
    if (hiddenFromClient(definition, found.sealed)) return undefined;
    return {
      measure: openMeasure(keys, found.sealed),
      definition,
      mayRead: allow(requestActor(request), "read", found.resource),
    };
  };

  const answerPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof measureFor>>>,
    status = 200,
    form: { chosen?: Record<string, string>; errors?: Record<string, string>; problem?: string } = {},
    crisis = false,
  ) => {
    const { measure, definition, mayRead } = found;
    if (measure.answeredAt !== null) {
      // Answers the definition cannot score are simply not shown: the therapist sees why.
      const outcome = mayRead ? scoreMeasure(definition, measure) : undefined;
      const results = outcome?.kind === "scored" ? { definition, score: outcome.score } : undefined;
      const exampleWording = isExampleWording(measure.wording);
      return sendPrivate(
        reply,
        renderPage(
          <AnsweredMeasurePage
            site={site}
            id={measure.id}
            title={clientTitle(definition)}
            answeredAt={measure.answeredAt}
            timeZone={site.practice.timeZone}
            results={results}
            exampleWording={exampleWording}
            crisis={crisis}
          />,
        ),
      );
    }
    const readiness = measureReadiness(definition, pack, site.demo);
    if (readiness.kind !== "ready")
      return sendPrivate(reply, renderPage(<UnavailableMeasurePage site={site} />), 409);
    const wording = readiness.wording;
    return sendPrivate(
      reply,
      renderPage(
        <AnswerMeasurePage
          site={site}
          id={measure.id}
          wording={wording}
          safetyScreen={isSafetyScreen(definition)}
          token={formTokenFor(request, keys.current, `measure-${measure.id}`, "session")}
          {...form}
        />,
      ),
      status,
    );
  };

  app.get("/my/measures", { config: { access: "client" } }, async (request, reply) => {
    const client = clientOf(request);
    const actor = requestActor(request);
    // This week's asking of each weekly questionnaire, once its day has come round.
    await askScheduledMeasures(db, { instruments, pack, demo: site.demo }, client.id, site.practice.timeZone);
    const list = (await measuresOf(db, keys, client.id)).flatMap((measure) => {
      const definition = definitionOf(measure);
      if (!definition || hiddenFromClient(definition, measure)) return [];
      const resource = {
        type: "measure" as const,
        clientId: client.id,
        therapistId: client.therapistId,
        coupleId: client.coupleId,
        resultsShownToClient: measure.resultsShownToClient,
      };
      return [
        {
          id: measure.id,
          title: clientTitle(definition),
          assignedAt: measure.assignedAt,
          answeredAt: measure.answeredAt,
          resultsVisible: allow(actor, "read", resource),
        },
      ];
    });
    return sendPrivate(
      reply,
      renderPage(
        <MeasureListPage
          site={site}
          measures={list}
          timeZone={site.practice.timeZone}
          charts={await clientChartsView(ctx, request)}
          inCouple={clientOf(request).coupleId !== null}
        />,
      ),
    );
  });

  app.get("/my/measures/:id", { config: { access: "client" } }, async (request, reply) => {
    const found = await measureFor(request);
    if (!found) return sendErrorPage(reply, site, 404);
    return answerPage(request, reply, found);
  });

  /** The measure still to answer, or the answer a post gets without one: the same 404, or the answered page. */
  const openToAnswer = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await measureFor(request);
    if (!found) return { answer: sendErrorPage(reply, site, 404) };
    if (found.measure.answeredAt !== null)
      return { answer: reply.redirect(`/my/measures/${found.measure.id}`, 303) };
    return { found };
  };

  // An action post: which fields there are, and what they may hold, depends on the measure's instrument.
  app.post(
    "/my/measures/:id",
    { config: { ...authRateLimit, access: "client" } },
    actionPost({
      form: {
        name: (request) => `measure-${params.safeParse(request.params).data?.id.toLowerCase()}`,
        scope: "session",
        keys: keys.current,
        publicUrl,
      },
      notGenuine: async (request, reply) => {
        const { found, answer } = await openToAnswer(request, reply);
        if (!found) return answer;
        const { chosen } = readMeasureAnswers(found.definition, request.body);
        return answerPage(request, reply, found, 400, { chosen, problem: m.answersNotSent });
      },
      handle: async (request, reply) => {
        const { found, answer } = await openToAnswer(request, reply);
        const client = clientOf(request);
        if (!found) return answer;
        const { measure, definition } = found;
        const read = readMeasureAnswers(definition, request.body);
        if (read.problem) return answerPage(request, reply, found, 400, read);
        // Placeholder wording outside demo mode (asked for before that was refused) is never answered.
        const readiness = measureReadiness(definition, pack, site.demo);
        if (readiness.kind !== "ready")
          return sendPrivate(reply, renderPage(<UnavailableMeasurePage site={site} />), 409);
        const wording = readiness.wording;
        const saved = await saveAnswers(db, keys, {
          id: measure.id,
          clientId: client.id,
          answers: read.answers,
          wording: wording.source,
          ...(read.declined ? { declined: true } : {}),
        });
        if (saved) {
          await tellTherapistAnswered(db, notifier, {
            definition,
            measureId: measure.id,
            client,
            answers: read.answers,
            declined: read.declined === true,
            wording: wording.source,
          });
        }
        if (isSafetyScreen(definition)) {
          // The thank-you and the help exist only in this response; answered in another tab a moment
          // ago, the screen is already gone, like any unknown measure.
          if (!saved) return sendErrorPage(reply, site, 404);
          return sendPrivate(
            reply,
            renderPage(<ScreenThanksPage site={site} country={practiceCountryHelp(site)} />),
          );
        }
        // A "yes" to a safety question: help now, in this response only (never shown again later).
        if (saved && saidYesToSafety(definition, read.answers)) {
          const answered = await measureFor(request);
          if (answered) return answerPage(request, reply, answered, 200, {}, true);
        }
        // Saved now or in another tab a moment ago: either way the answered page is the truth.
        return reply.redirect(`/my/measures/${measure.id}`, 303);
      },
    }),
  );
}
