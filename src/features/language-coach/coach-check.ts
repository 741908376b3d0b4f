import type { FastifyRequest } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import type { AssetRegistry } from "../../platform/web/assets.ts";
import { fieldText } from "../../platform/web/form-post.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import type { Piece } from "../repair/pieces/piece.ts";
import { type CoachMode, explanationOf, type MarkKind } from "./coach-rules.ts";
import { coachScriptName } from "./coach-script.ts";
import { coachIsOn } from "./coach-setting.ts";
import { coachMustBeSilent } from "./harm-words.ts";
import { markedPhrase, markWords } from "./mark-words.ts";

/** One phrase the coach noticed, ready to show under the form: where, what, and why. */
export type CoachFinding = { field: string; phrase: string; kind: MarkKind; explanation: string };

/** The coach on a writing form: its mode, and what a "check my words" found (absent before a check). */
export type CoachView = { mode: CoachMode; scriptUrl: string; findings?: CoachFinding[] | undefined };

/** The button's name and value: a post carrying them is a check, never a save. */
export const checkField = { name: "coach", value: "check" } as const;
export const askedToCheck = (body: unknown): boolean => fieldText(body, checkField.name) === checkField.value;

/**
 * What the coach notices in each field, in order; the text itself is never changed. Nothing at all (not
 * even "nothing stood out") when any of it may be about harm: that page shows help, not a verdict on words.
 */
export function findingsIn(
  fields: { label: string; text: string }[],
  mode: CoachMode,
): CoachFinding[] | undefined {
  if (fields.some(({ text }) => coachMustBeSilent(text))) return undefined;
  return fields.flatMap(({ label, text }) =>
    markWords(text, mode).map((mark) => ({
      field: label,
      phrase: markedPhrase(text, mark),
      kind: mark.kind,
      explanation: explanationOf(mark.kind),
    })),
  );
}

/**
 * The coach's mode in a repair piece. The first telling of a hurt (the hurt partner's piece for step 1)
 * has none: anger needs to be heard there, not edited. The rest of the hurt partner's pieces are
 * writing about a hurt; the other partner's are their side of it, where defending is what to notice.
 */
export function pieceCoachMode(piece: Pick<Piece, "for" | "steps">): CoachMode | undefined {
  if (piece.for === "caused") return "reply";
  return piece.steps.includes(1) ? undefined : "hurt";
}

/** The coach for the signed-in client on a form of this mode: only when their therapist turned it on. */
export async function coachFor(
  { db, site }: { db: Database; site: { assets: AssetRegistry } },
  request: FastifyRequest,
  mode: CoachMode | undefined,
): Promise<CoachView | undefined> {
  const client = clientOf(request);
  const resource = { type: "language-coach" as const, clientId: client.id, ...client };
  if (!mode || !allow(requestActor(request), "read", resource)) return undefined;
  return (await coachIsOn(db, client.id)) ? { mode, scriptUrl: site.assets.url(coachScriptName) } : undefined;
}
