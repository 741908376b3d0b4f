import type { Database } from "../../../platform/db/database.ts";
import { resetSecondFactor, therapistByEmail } from "./reset-second-factor.ts";

export type CommandResult = { code: 0 | 1 | 2; message: string };

/**
 * `haven reset-second-factor <email>`, run on the server with Haven stopped: for an owner locked out of
 * their own account (there is nobody above them to reset it on the web). Audited as the command line.
 */
export async function resetSecondFactorCommand(db: Database, args: string[]): Promise<CommandResult> {
  const [email, ...rest] = args;
  if (!email || rest.length > 0) return { code: 2, message: "Usage: haven reset-second-factor <email>" };
  const therapist = await therapistByEmail(db, email);
  if (!therapist) return { code: 1, message: `No therapist signs in as ${email}. Check the address.` };
  await resetSecondFactor(db, { therapistId: therapist.id, actor: "cli" });
  return {
    code: 0,
    message: `The second step for ${email} is reset and every sign-in ended. At the next sign-in with the password, they set up a new one.`,
  };
}
