import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { type Actor, allow } from "../accounts/policies/policy.ts";
import { partnersOf } from "../repair/therapist-repair-view.ts";
import { type StoredHalf, sharedHalvesOf } from "./cycle-half.ts";
import { cycleNameOf } from "./cycle-name.ts";
import { type LoopStep, loopOf } from "./loop.ts";

export type CoupleCycle = {
  partners: { id: string; name: string; shared?: StoredHalf | undefined }[];
  /** Drawn only when both partners have shared their side. */
  loop?: LoopStep[] | undefined;
  name?: string | undefined;
};

/**
 * What this person may see of a couple's cycle map beyond their own side: each shared side the policy
 * lets them read, the loop when both are shared, and the therapist's name for it. For a partner, a
 * side shared alone is never readable, so nothing here changes until both have shared.
 */
export async function coupleCycle(
  db: Database,
  ring: KeyRing,
  actor: Actor,
  couple: { coupleId: string; therapistId: string; jointWorkOpen: boolean },
): Promise<CoupleCycle> {
  const partners = await partnersOf(db, ring, couple.coupleId);
  const shared = await sharedHalvesOf(db, ring, couple.coupleId);
  const bothShared = partners.length === 2 && shared.length === 2;
  const readable = (half: StoredHalf) =>
    allow(actor, "read", {
      type: "cycle-half",
      clientId: half.clientId,
      therapistId: couple.therapistId,
      coupleId: couple.coupleId,
      jointWorkOpen: couple.jointWorkOpen,
      shared: true,
      bothShared,
    });
  const sides = partners.map((p) => {
    const half = shared.find((h) => h.clientId === p.id);
    return { ...p, shared: half && readable(half) ? half : undefined };
  });
  const [first, second] = sides;
  const loop =
    first?.shared && second?.shared
      ? loopOf({ name: first.name, half: first.shared.half }, { name: second.name, half: second.shared.half })
      : undefined;
  const nameReadable = allow(actor, "read", { type: "cycle-name", ...couple });
  return {
    partners: sides,
    loop,
    // A partner reads the name only beside the loop; the therapist may name the cycle before it is drawn.
    name:
      nameReadable && (loop || actor.kind === "therapist")
        ? await cycleNameOf(db, ring, couple.coupleId)
        : undefined,
  };
}
