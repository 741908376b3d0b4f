import { z } from "zod";
import { fieldList, fieldText } from "../../platform/web/form-post.ts";
import { type ChoicePart, choicesFor } from "./cycle-choices.ts";
import type { Half } from "./cycle-half.ts";
import { cycleMessages as m } from "./messages.ts";

/** Room for a few words beside the ticks, and for a paragraph of how it looks from outside. */
export const ownWordsLimit = 200;
export const outsideLimit = 1000;

/** What was posted, as the form shows it again: ticks as ids, words as typed. */
export function readHalf(body: unknown): Half {
  return {
    moves: fieldList(body, "moves"),
    movesOwn: fieldText(body, "movesOwn"),
    outside: fieldText(body, "outside"),
    surface: fieldList(body, "surface"),
    surfaceOwn: fieldText(body, "surfaceOwn"),
    underneath: fieldList(body, "underneath"),
    underneathOwn: fieldText(body, "underneathOwn"),
    longing: fieldList(body, "longing"),
    longingOwn: fieldText(body, "longingOwn"),
  };
}

const own = z.string().trim().max(ownWordsLimit, m.ownTooLong(ownWordsLimit));
/** Only ids the list offers are kept: a hand-made post cannot put other words into the loop. */
const ticks = (part: ChoicePart) =>
  z.array(z.string()).transform((ids) => ids.filter((id) => choicesFor[part].some((c) => c.id === id)));

export const halfSchema = z
  .object({
    moves: ticks("moves"),
    movesOwn: own,
    outside: z.string().trim().max(outsideLimit, m.outsideTooLong(outsideLimit)),
    surface: ticks("surface"),
    surfaceOwn: own,
    underneath: ticks("underneath"),
    underneathOwn: own,
    longing: ticks("longing"),
    longingOwn: own,
  })
  .refine(
    (half) =>
      Object.values(half).some((value) => (Array.isArray(value) ? value.length > 0 : value.length > 0)),
    { message: m.nothingChosen, path: ["moves"] },
  );
