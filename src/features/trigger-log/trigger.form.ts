import { z } from "zod";
import { fieldText } from "../../platform/web/form-post.ts";
import { triggerMessages as m } from "./messages.ts";

/** Room for a paragraph in each field: a moment written down soon after, not an essay. */
export const triggerFieldLimit = 1000;

export type TriggerValues = {
  happened: string;
  strength: string;
  remindedOf: string;
  did: string;
  needed: string;
  sharing: string;
};

export const readTrigger = (body: unknown): TriggerValues => ({
  happened: fieldText(body, "happened"),
  strength: fieldText(body, "strength"),
  remindedOf: fieldText(body, "remindedOf"),
  did: fieldText(body, "did"),
  needed: fieldText(body, "needed"),
  sharing: fieldText(body, "sharing"),
});

const optional = z.string().trim().max(triggerFieldLimit, m.tooLong(triggerFieldLimit));

// Who may read it depends on the couple and joint work (a query): the use case checks `sharing`.
export const triggerSchema = z.object({
  happened: z.string().trim().min(1, m.happenedMissing).max(triggerFieldLimit, m.tooLong(triggerFieldLimit)),
  strength: z
    .string()
    .regex(/^(10|[0-9])$/, m.strengthMissing)
    .transform(Number),
  remindedOf: optional,
  did: optional,
  needed: optional,
  sharing: z.string(),
});
