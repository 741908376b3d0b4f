import { asc, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import { type Injury, injuriesOfCouple, rolesOf } from "./injuries.ts";
import { type InjurySuggestion, suggestionsFrom } from "./injury-suggestions.ts";
import { piecesOfInjury } from "./opened-pieces.ts";
import type { Piece } from "./pieces/piece.ts";
import { marksOf, type RepairMark } from "./repair-marks.ts";

export type Partner = { id: string; name: string };

/** One injury as its therapist sees it: roles, marks, what is open for whom, and the story. */
export type TherapistInjury = {
  injury: Injury;
  marks: RepairMark[];
  /** For each partner, the pieces that fit their role here, and whether each is open for them now. */
  pieces: { partner: Partner; offered: { piece: Pick<Piece, "id" | "title">; open: boolean }[] }[];
};

export type TherapistRepair = {
  coupleId: string;
  jointWorkOpen: boolean;
  partners: Partner[];
  injuries: TherapistInjury[];
  suggestions: (InjurySuggestion & { from: string })[];
};

/** The couple's two partners, oldest account first, with their names decrypted. */
export async function partnersOf(db: Database, keys: KeyRing, coupleId: string): Promise<Partner[]> {
  const rows = await db
    .select({ id: clients.id, nameEncrypted: clients.nameEncrypted })
    .from(clients)
    .where(eq(clients.coupleId, coupleId))
    .orderBy(asc(clients.createdAt), asc(clients.id));
  return rows.map((r) => ({
    id: r.id,
    name: openClientField(keys, r.id, "name_encrypted", r.nameEncrypted),
  }));
}

/** Everything of a couple's repair their therapist may see; nothing of either partner's unshared writing. */
export async function therapistRepair(
  db: Database,
  keys: KeyRing,
  pieces: Piece[],
  coupleId: string,
): Promise<TherapistRepair> {
  const partners = await partnersOf(db, keys, coupleId);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const injuries: TherapistInjury[] = [];
  for (const injury of await injuriesOfCouple(db, keys, coupleId)) {
    const opened = await piecesOfInjury(db, injury.id);
    injuries.push({
      injury,
      marks: await marksOf(db, keys, injury.id),
      pieces: partners.map((partner) => ({
        partner,
        offered: pieces
          .filter((piece) => rolesOf(injury, partner.id).includes(piece.for))
          .sort((a, b) => Math.min(...a.steps) - Math.min(...b.steps))
          .map((piece) => ({
            piece: { id: piece.id, title: piece.title },
            open: opened.some((o) => o.clientId === partner.id && o.pieceId === piece.id && o.open),
          })),
      })),
    });
  }
  const suggestions = (await suggestionsFrom(db, keys, [...names.keys()])).map((s) => ({
    ...s,
    from: names.get(s.clientId) ?? "",
  }));
  return { coupleId, jointWorkOpen: await jointWorkIsOpen(db, coupleId), partners, injuries, suggestions };
}
