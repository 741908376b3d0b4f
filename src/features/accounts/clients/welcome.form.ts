import { z } from "zod";
import { fieldText } from "../../../platform/web/form-post.ts";

/** Several values of one name (ticked boxes) arrive as an array, one as a string. */
const ticked = (body: unknown, field: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
};

/** The invitation's agreements as ticked, kept to show again. */
export const readWelcome = (body: unknown) => ({
  accepted: ticked(body, "accept"),
  adult: fieldText(body, "adult") === "yes",
});

export const welcomeShape = z.object({ accepted: z.array(z.string()), adult: z.boolean() });
