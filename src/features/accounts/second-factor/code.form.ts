import { z } from "zod";
import { fieldText } from "../../../platform/web/form-post.ts";
import { accountMessages as m } from "../messages.ts";

/** The code from the app, or a recovery code: never shown again, so it is read as a secret. */
export const readCode = (body: unknown) => ({ code: fieldText(body, "code") });

export const codeSchema = z.object({ code: z.string().trim().min(1, m.codeMissing) });
