import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { SignedInClient } from "../accounts/clients/client-gate.ts";
import { allow } from "../accounts/policies/policy.ts";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import { type Injury, type InjuryStatus, injuriesOfCouple, injuryOfCouple, rolesOf } from "./injuries.ts";
import { piecesOpenFor } from "./opened-pieces.ts";
import type { Piece } from "./pieces/piece.ts";

/** What one partner sees of an injury: its name, its pace, the pieces open for them, and the story. */
export type ClientInjury = {
  id: string;
  name: string;
  status: InjuryStatus;
  pieces: Pick<Piece, "id" | "title">[];
  storyOpen: boolean;
};

/** Closed joint work reads the same for both partners, whatever the reason: no injuries at all. */
export type ClientRepair = { jointWorkOpen: boolean; injuries: ClientInjury[] };

const actorOf = (client: SignedInClient) => ({ kind: "client" as const, clientId: client.id, ...client });

/** A couple's injury as the policy judges it for this client; undefined when they may not read it. */
export async function readableInjury(
  db: Database,
  ring: KeyRing,
  client: SignedInClient,
  injuryId: string,
): Promise<{ injury: Injury; jointWorkOpen: boolean } | undefined> {
  if (!client.coupleId) return undefined;
  const injury = await injuryOfCouple(db, ring, client.coupleId, injuryId);
  if (!injury) return undefined;
  const jointWorkOpen = await jointWorkIsOpen(db, client.coupleId);
  const resource = { type: "injury" as const, ...injury, jointWorkOpen };
  return allow(actorOf(client), "read", resource) ? { injury, jointWorkOpen } : undefined;
}

/**
 * The repair space of one partner. Only their own open pieces, and only pieces that fit their role in
 * that injury: nothing here depends on anything the other partner did or has open.
 */
export async function clientRepair(
  db: Database,
  ring: KeyRing,
  pieces: Piece[],
  client: SignedInClient,
): Promise<ClientRepair> {
  const jointWorkOpen = await jointWorkIsOpen(db, client.coupleId);
  if (!client.coupleId || !jointWorkOpen) return { jointWorkOpen: false, injuries: [] };
  const open = await piecesOpenFor(db, client.id);
  const injuries = await injuriesOfCouple(db, ring, client.coupleId);
  return {
    jointWorkOpen,
    injuries: injuries.map((injury) => {
      const roles = rolesOf(injury, client.id);
      const mine = pieces.filter(
        (piece) =>
          roles.includes(piece.for) && open.some((o) => o.injuryId === injury.id && o.pieceId === piece.id),
      );
      return {
        id: injury.id,
        name: injury.name,
        status: injury.status,
        pieces: injury.status === "active" ? mine.map(({ id, title }) => ({ id, title })) : [],
        storyOpen: injury.storyOpenedAt !== null && injury.status !== "paused",
      };
    }),
  };
}
