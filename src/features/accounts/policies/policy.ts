/**
 * Who may do what to which record: one pure function, no database and no Fastify, tested as a single
 * table (policy.test.ts). Routes describe the signed-in person (an Actor) and the record (a Resource)
 * and ask `allow`; anything not allowed here is refused.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "client"; clientId: string; coupleId: string | null; therapistId: string }
  | { kind: "therapist"; therapistId: string; isOwner: boolean };

export type Action = "read" | "create" | "update" | "delete";

/** Where a client's record sits: whose it is, whose client they are, and their couple if any. */
type Owned = { clientId: string; therapistId: string; coupleId: string | null };

export type Resource =
  /** Something a client wrote, and whom they chose to share it with (nobody, by default). */
  | ({ type: "entry"; sharedWith: { partner: boolean; therapist: boolean } } & Owned)
  /** Answers to the private safety questions: never shown back, never to the partner. */
  | ({ type: "safety-answers" } & Owned)
  /**
   * A measure the therapist asked the client to answer. "update" is answering it; "read" is seeing
   * its results, which a therapist-only measure shows the client only when the therapist chose so.
   */
  | ({ type: "measure"; resultsShownToClient: boolean } & Owned)
  /** The client's account: name, email, consents, sign-ins. */
  | ({ type: "client-account" } & Owned)
  /** The client's own download of what Haven holds about them. */
  | ({ type: "client-export" } & Owned)
  /** Inviting clients into a therapist's caseload. */
  | { type: "client-invitation"; therapistId: string }
  /**
   * Sharing something with the partner: only once the couple's therapist has opened joint work
   * (DOMAIN.md §4). "create" is making such a share.
   */
  | ({ type: "partner-share"; jointWorkOpen: boolean } & Owned)
  /** A couple's joint-work gate and each partner's private screen: their therapist's alone. */
  | ({ type: "joint-work" } & Owned)
  /**
   * A notice to a therapist that something needs them: theirs to read and mark seen. A safety alert is
   * also their cover's while the owner has marked them away with a named cover (`coverTherapistId`).
   */
  | { type: "notification"; therapistId: string; safety: boolean; coverTherapistId: string | null }
  /**
   * An injury a couple works on (features/repair): named and paced by their therapist; the couple
   * see it only while joint work is open. "create"/"update" is naming, renaming, pausing, closing.
   */
  | { type: "injury"; therapistId: string; coupleId: string; jointWorkOpen: boolean }
  /** A partner's private suggestion of an injury: for the therapist, never the other partner. */
  | ({ type: "injury-suggestion" } & Owned)
  /** The therapist's marks of where a couple is in the repair, and their notes: theirs alone. */
  | { type: "repair-mark"; therapistId: string }
  /**
   * A piece of material opened for one partner on one injury. "update" is writing in it, which the
   * partner may do only while joint work and the piece are open; the other partner is never a party.
   */
  | ({ type: "opened-piece"; jointWorkOpen: boolean; pieceOpen: boolean } & Owned)
  /**
   * The couple's story of an injury: both write it once the therapist has opened it; theirs to read.
   * Once the injury is closed the story is kept as it stands: still theirs to read, no longer to change.
   */
  | {
      type: "story";
      therapistId: string;
      coupleId: string;
      jointWorkOpen: boolean;
      storyOpen: boolean;
      injuryClosed: boolean;
    }
  /**
   * One partner's side of the couple's cycle map (features/cycle-map): theirs to write while joint work
   * is open. The therapist reads it once shared; the partner only once both sides are shared, so that
   * nothing either does alone changes what the other sees.
   */
  | ({ type: "cycle-half"; jointWorkOpen: boolean; shared: boolean; bothShared: boolean } & Owned)
  /** The therapist's plain words for a couple's cycle: theirs to write; the couple read them in joint work. */
  | { type: "cycle-name"; therapistId: string; coupleId: string; jointWorkOpen: boolean }
  /**
   * Whether the language coach is on for a client (features/language-coach): their therapist turns it
   * on and off; the client reads it (it decides what their own pages offer); the partner is never a party.
   */
  | ({ type: "language-coach" } & Owned)
  /**
   * A piece of the individual path opened for one client as their own work (features/path). Their therapist
   * opens and closes it; the client reads and writes in it while it is open. No joint work is needed, and
   * the partner is never a party, not even to whether it exists.
   */
  | ({ type: "path-piece"; pieceOpen: boolean } & Owned)
  /**
   * A therapy session (features/sessions): booked, moved and cancelled by the therapist. A session alone is
   * its one client's to see, never the partner's, not even that it exists; a joint session is both partners'.
   */
  | { type: "session"; therapistId: string; clientId: string | null; coupleId: string | null }
  /** The practice as a whole: the audit log, therapists, demo data. */
  | { type: "practice-admin" };

const isSelf = (actor: Actor, r: Owned) => actor.kind === "client" && actor.clientId === r.clientId;
const isPartner = (actor: Actor, r: Owned) =>
  actor.kind === "client" &&
  actor.clientId !== r.clientId &&
  r.coupleId !== null &&
  actor.coupleId === r.coupleId;
/** Either partner of the couple (a couple's joint part belongs to both). */
const isInCouple = (actor: Actor, coupleId: string) => actor.kind === "client" && actor.coupleId === coupleId;
/** The owner is no exception: they see a client's clinical data only as that client's therapist. */
const isTherapistOfRecord = (actor: Actor, r: { therapistId: string }) =>
  actor.kind === "therapist" && actor.therapistId === r.therapistId;

export function allow(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case "entry":
      if (isSelf(actor, resource)) return true;
      if (action !== "read") return false;
      return (
        (resource.sharedWith.partner && isPartner(actor, resource)) ||
        (resource.sharedWith.therapist && isTherapistOfRecord(actor, resource))
      );
    case "safety-answers":
      // The person answers; only their therapist reads. Nobody edits or deletes an answer in place.
      if (action === "create") return isSelf(actor, resource);
      return action === "read" && isTherapistOfRecord(actor, resource);
    case "measure":
      // The partner is never a party: not to the answers, the results, or that the measure exists.
      if (action === "create") return isTherapistOfRecord(actor, resource);
      if (action === "update") return isSelf(actor, resource);
      if (action === "read")
        return (
          isTherapistOfRecord(actor, resource) || (resource.resultsShownToClient && isSelf(actor, resource))
        );
      // Answers go with the client's erasure, not by a plain delete.
      return false;
    case "client-account":
      if (action === "read") return isSelf(actor, resource) || isTherapistOfRecord(actor, resource);
      if (action === "update") return isSelf(actor, resource) || isTherapistOfRecord(actor, resource);
      // Accounts are created by invitation and removed by the erasure process, not by a plain delete.
      return false;
    case "client-export":
      return action === "read" && isSelf(actor, resource);
    case "client-invitation":
      return (action === "create" || action === "delete") && isTherapistOfRecord(actor, resource);
    case "partner-share":
      return (
        action === "create" && resource.jointWorkOpen && resource.coupleId !== null && isSelf(actor, resource)
      );
    case "joint-work":
      return (action === "read" || action === "update") && isTherapistOfRecord(actor, resource);
    case "notification": {
      const isCover =
        resource.safety &&
        resource.coverTherapistId !== null &&
        actor.kind === "therapist" &&
        actor.therapistId === resource.coverTherapistId;
      return (action === "read" || action === "update") && (isTherapistOfRecord(actor, resource) || isCover);
    }
    case "injury":
      if (isTherapistOfRecord(actor, resource)) return action !== "delete";
      return action === "read" && resource.jointWorkOpen && isInCouple(actor, resource.coupleId);
    case "injury-suggestion":
      // Made by a partner in a couple, read by them and their therapist; kept as it was written.
      if (action === "create") return resource.coupleId !== null && isSelf(actor, resource);
      return action === "read" && (isSelf(actor, resource) || isTherapistOfRecord(actor, resource));
    case "repair-mark":
      return (action === "read" || action === "create") && isTherapistOfRecord(actor, resource);
    case "opened-piece":
      if (isTherapistOfRecord(actor, resource)) return action !== "delete";
      return (
        (action === "read" || action === "update") &&
        resource.jointWorkOpen &&
        resource.pieceOpen &&
        isSelf(actor, resource)
      );
    case "story":
      if (isTherapistOfRecord(actor, resource)) return action === "read" || action === "create";
      return (
        (action === "read" || (action === "update" && !resource.injuryClosed)) &&
        resource.jointWorkOpen &&
        resource.storyOpen &&
        isInCouple(actor, resource.coupleId)
      );
    case "cycle-half":
      if (isSelf(actor, resource)) return action !== "delete" && resource.jointWorkOpen;
      if (isTherapistOfRecord(actor, resource)) return action === "read" && resource.shared;
      return action === "read" && resource.jointWorkOpen && resource.bothShared && isPartner(actor, resource);
    case "cycle-name":
      if (isTherapistOfRecord(actor, resource)) return action !== "delete";
      return action === "read" && resource.jointWorkOpen && isInCouple(actor, resource.coupleId);
    case "language-coach":
      if (isTherapistOfRecord(actor, resource)) return action === "read" || action === "update";
      return action === "read" && isSelf(actor, resource);
    case "path-piece":
      if (isTherapistOfRecord(actor, resource)) return action !== "delete";
      return (action === "read" || action === "update") && resource.pieceOpen && isSelf(actor, resource);
    case "session":
      if (isTherapistOfRecord(actor, resource)) return action !== "delete";
      if (action !== "read" || actor.kind !== "client") return false;
      return resource.clientId !== null
        ? actor.clientId === resource.clientId
        : resource.coupleId !== null && isInCouple(actor, resource.coupleId);
    case "practice-admin":
      return actor.kind === "therapist" && actor.isOwner;
  }
}
