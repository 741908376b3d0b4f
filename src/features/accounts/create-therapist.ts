import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { takeTransactionLock } from "../../platform/db/transaction-lock.ts";
import { firstIssuePerField } from "../../platform/web/form-post.ts";
import { accountMessages as m } from "./messages.ts";
import { hashPassword } from "./password-hash.ts";
import { passwordProblem } from "./password-rules.ts";
import { anyTherapistCanSignIn } from "./sign-in-therapist.ts";
import { therapists } from "./therapist.schema.ts";

export const newTherapistSchema = z.object({
  displayName: z.string().trim().min(1, m.nameMissing).max(120),
  email: z.string().trim().toLowerCase().pipe(z.email(m.emailIncomplete)),
  password: z.string().max(1000),
});

export type NewTherapist = z.input<typeof newTherapistSchema>;
export type FieldErrors = Partial<Record<keyof NewTherapist, string>>;

export type CreateTherapistResult =
  | { ok: true; therapistId: string; isOwner: boolean }
  | { ok: false; errors: FieldErrors };

/**
 * Adds a therapist who can sign in. The first one owns the practice. Every problem is returned per
 * field, in words for beside that field; nothing is stored unless everything is right.
 */
export async function createTherapist(
  db: Database,
  input: NewTherapist,
  context: { actor: string; timeZone: string },
): Promise<CreateTherapistResult> {
  const parsed = newTherapistSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : firstIssuePerField(parsed.error);
  const problem = passwordProblem(input.password, parsed.success ? parsed.data.email : input.email);
  if (problem) errors.password = problem;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await db.transaction(async (tx) => {
      await takeTransactionLock(tx, "first-owner");
      const isOwner = !(await anyTherapistCanSignIn(tx));
      const [row] = await tx
        .insert(therapists)
        .values({
          displayName: parsed.data.displayName,
          email: parsed.data.email,
          passwordHash,
          isOwner,
          timeZone: context.timeZone,
        })
        .returning({ id: therapists.id });
      const therapistId = row?.id as string;
      await recordAudit(tx, {
        actor: context.actor,
        action: "therapist.created",
        subject: `therapist:${therapistId}`,
        detail: { owner: isOwner },
      });
      return { ok: true as const, therapistId, isOwner };
    });
  } catch (error) {
    if (sqlState(error) === "23505") return { ok: false, errors: { email: m.emailTaken } };
    throw error;
  }
}
