import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { askedToCheck, coachFor, findingsIn } from "../language-coach/coach-check.ts";
import { repairRateLimit } from "../repair/client-repair-routes.tsx";
import { repairMessages as rm } from "../repair/messages.ts";
import { PiecePage } from "../repair/piece-page.tsx";
import {
  answersSchema,
  answersToSave,
  readAnswers,
  stoppedForToday,
} from "../repair/pieces/piece-answer-form.ts";
import { answersTo, saveAnswers } from "../workspace/piece-answers.ts";
import { pathMessages as m } from "./messages.ts";
import { pathPiecesOf } from "./opened-path.ts";
import { PathHomePage } from "./path-home-page.tsx";

const params = z.object({ pieceId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const pieceForm = "path-piece";

/** A client's own path: the pieces their therapist opened for them, each read, written in, and left for today. */
export function registerClientPathRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, pathPieces } = ctx;

  app.get("/my/path", { config: { access: "client" } }, async (request, reply) => {
    const client = clientOf(request);
    const open = new Set((await pathPiecesOf(db, client.id)).filter((o) => o.open).map((o) => o.pieceId));
    const notice = (request.query as Record<string, unknown>).notice === "stopped" ? m.stopped : undefined;
    const pieces = pathPieces.filter((piece) => open.has(piece.id));
    return sendPrivate(reply, renderPage(<PathHomePage site={site} pieces={pieces} notice={notice} />));
  });

  /** The piece, when it is open for this client now; anything else is the same 404 as no such piece. */
  const pieceFor = async (request: FastifyRequest) => {
    const client = clientOf(request);
    const parsed = params.safeParse(request.params);
    const piece = parsed.success ? pathPieces.find((p) => p.id === parsed.data.pieceId) : undefined;
    if (!piece) return undefined;
    const open = (await pathPiecesOf(db, client.id)).some((o) => o.pieceId === piece.id && o.open);
    const resource = { type: "path-piece" as const, clientId: client.id, ...client, pieceOpen: open };
    if (!allow(requestActor(request), "update", resource)) return undefined;
    return { piece, place: { clientId: client.id, injuryId: null, pieceId: piece.id } };
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState<Record<string, string>>,
    notice?: string,
    check = false,
  ) => {
    const found = await pieceFor(request);
    if (!found) return sendErrorPage(reply, site, 404);
    const coach = await coachFor(ctx, request, found.piece.coach);
    if (coach && check) {
      const typed = state?.values ?? {};
      const fields = found.piece.questions.map((q) => ({ label: q.ask, text: typed[q.id] ?? "" }));
      coach.findings = findingsIn(fields, coach.mode);
    }
    const answers = await answersTo(db, keys, found.place);
    const saved = Object.fromEntries([...answers].map(([question, entry]) => [question, entry.body]));
    return sendPrivate(
      reply,
      renderPage(
        <PiecePage
          site={site}
          action={`/my/path/${found.piece.id}`}
          back={{ href: "/my/path", label: m.backToPath }}
          piece={found.piece}
          answers={answers}
          notice={notice}
          crisis={request.crisisWords}
          coach={coach}
          form={{
            token: formTokenFor(request, keys.current, pieceForm, "session"),
            values: state?.values ?? saved,
            errors: state?.errors,
            problem: state?.problem,
          }}
        />,
      ),
      status,
    );
  };

  const path = "/my/path/:pieceId";
  app.get(path, { config: { access: "client" } }, (request, reply) => {
    const notice = (request.query as Record<string, unknown>).notice === "saved" ? rm.pieceSaved : undefined;
    return page(request, reply, 200, undefined, notice);
  });

  app.post(
    path,
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: pieceForm, scope: "session", keys: keys.current, publicUrl },
      read: readAnswers,
      schema: answersSchema,
      problemWhenInvalid: rm.nothingSaved,
      rerender: page,
      handle: async ({ request, reply, data, values }) => {
        // "Check my words": the same page with the text as typed and the coach's suggestions; nothing saved.
        if (askedToCheck(request.body)) return page(request, reply, 200, { values }, undefined, true);
        const found = await pieceFor(request);
        if (!found) return sendErrorPage(reply, site, 404);
        await saveAnswers(db, keys, found.place, answersToSave(found.piece, data));
        const stop = stoppedForToday(request.body);
        // Help first, on this very page: what was written is saved; a redirect would lose the moment.
        if (request.crisisWords)
          return page(request, reply, 200, undefined, stop ? m.stopped : rm.pieceSaved);
        if (stop) return reply.redirect("/my/path?notice=stopped", 303);
        return reply.redirect(`/my/path/${found.piece.id}?notice=saved`, 303);
      },
    }),
  );
}
