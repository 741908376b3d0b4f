import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { containsCrisisWords } from "../assessments/self-check/crisis-words.ts";
import { hourly } from "../notifications/notify-therapist.ts";
import { containsControlWords } from "./control-words.ts";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The form just posted holds words that may mean someone is in danger (crisis-words.ts) or, from a
     * client, words about control (control-words.ts): either way the page shows help.
     */
    crisisWords: boolean;
  }
}

/** Forms are flat; a hand-made JSON body nested deeper than this is not a person writing. */
const maxDepth = 8;

/** Every string a form posted: new fields are covered without anyone listing them. */
function postedText(body: unknown, depth = 0): string[] {
  if (typeof body === "string") return [body];
  if (depth >= maxDepth || !body || typeof body !== "object") return [];
  return Object.values(body).flatMap((value) => postedText(value, depth + 1));
}

export function bodyHasCrisisWords(body: unknown): boolean {
  return postedText(body).some(containsCrisisWords);
}

export function bodyHasControlWords(body: unknown): boolean {
  return postedText(body).some(containsControlWords);
}

/**
 * One check for every form a client or visitor posts (DOMAIN.md §4): crisis words anywhere in the body
 * mark the request, so the page can show help at once, and tell the client's therapist — without the
 * words, at most once an hour per client. It never blocks the post and never changes what is saved.
 * Runs after the access gates (registered after them), so a signed-in client is known; a therapist's
 * own writing is not a client's.
 */
export function registerCrisisWordsCheck(app: FastifyInstance, deps: AppContext): void {
  app.decorateRequest("crisisWords", false);
  // A plain callback, so a GET (every cached public page) costs no promise.
  const checkCrisisWords: preHandlerHookHandler = (request, _reply, done) => {
    if (request.method !== "POST" || request.therapist) return done();
    check(request).then(() => done(), done);
  };
  app.addHook("preHandler", checkCrisisWords);

  async function check(request: FastifyRequest) {
    const client = request.client;
    // Control words are a client's matter: a visitor's forms have their own answers to fear (self-check).
    const kind = bodyHasCrisisWords(request.body)
      ? "crisis-words"
      : client && bodyHasControlWords(request.body)
        ? "control-words"
        : undefined;
    if (!kind) return;
    request.crisisWords = true;
    if (!client) return;
    const now = new Date();
    await deps.notifier.notify(
      deps.db,
      {
        therapistId: client.therapistId,
        clientId: client.id,
        kind,
        dedupeKey: hourly([kind, client.id], now),
      },
      now,
    );
  }
}
