import type { Sharing } from "./entries.ts";
import { workspaceMessages as m } from "./messages.ts";

/** Where a client stands for sharing: in a couple or not, and whether their therapist has opened joint work. */
export type SharingScope = { inCouple: boolean; jointWorkOpen: boolean };

export const includesPartner = (sharing: Sharing) => sharing === "partner" || sharing === "both";

/**
 * The sharing choices a client has: a partner only in a couple whose therapist has opened joint work
 * (DOMAIN.md §4). A note already shared with the partner keeps its choice, so saving never withdraws it
 * behind the client's back.
 */
export function sharingOptions(scope: SharingScope, current?: Sharing): { value: Sharing; label: string }[] {
  const all = (["nobody", "partner", "therapist", "both"] as const).map((value) => ({
    value,
    label: m.sharingChoices[value],
  }));
  const partnerOpen = scope.inCouple && scope.jointWorkOpen;
  return all.filter((o) => !includesPartner(o.value) || partnerOpen || o.value === current);
}
