import { z } from "zod";
import { cancelMessages as c } from "./messages.ts";

/** A few sentences for the therapist, not a letter; long enough that nobody is cut off mid-thought. */
export const cancelReasonMaxLength = 1000;

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * The optional reason with a cancellation. Over the limit, the words are kept and shown again with the
 * problem beside them (never cut short without asking).
 */
export const cancelSchema = z.object({
  reason: z
    .string()
    .catch("")
    .transform((text) => text.trim())
    .superRefine((text, context) => {
      if (text.length > cancelReasonMaxLength)
        context.addIssue({
          code: "custom",
          message: c.reasonTooLong(count(cancelReasonMaxLength), count(text.length)),
        });
    }),
});
