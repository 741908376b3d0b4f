import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import type { EncryptedColumn } from "../../platform/security/encrypted-columns.ts";
import { cycleHalves } from "./cycle.schema.ts";
import { chosen } from "./cycle-choices.ts";
import { halfOf } from "./cycle-half.ts";

/** The cycle map's encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const cycleMapEncryptedColumns: EncryptedColumn[] = [
  { table: "cycle_halves", column: "half_encrypted" },
  { table: "cycle_names", column: "name_encrypted" },
];

/**
 * A partner's side of the cycle is theirs alone: their export holds it in the words they ticked and
 * wrote; erasure deletes it, and with it the loop, which needs both sides. (The therapist's name for
 * the cycle is the practice's words about the couple, kept with the couple.)
 */
export const cycleMapClientData: ClientDataTable[] = [
  {
    table: "cycle_halves",
    policy: "cycle-half",
    title: "Your side of the cycle map",
    async export(db, ring, clientId) {
      const side = await halfOf(db, ring, clientId);
      if (!side) return [];
      const { half } = side;
      return [
        {
          whatIDo: chosen("moves", half.moves, "mine"),
          whatIDoInMyWords: half.movesOwn,
          fromTheOutside: half.outside,
          onTheSurface: [...chosen("surface", half.surface, "mine"), half.surfaceOwn].filter(Boolean),
          underneath: [...chosen("underneath", half.underneath, "mine"), half.underneathOwn].filter(Boolean),
          whatILongFor: [...chosen("longing", half.longing, "mine"), half.longingOwn].filter(Boolean),
          sharedAt: side.sharedAt?.toISOString() ?? null,
        },
      ];
    },
    erasure: { goesNow: "Your side of the cycle map" },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(cycleHalves)
        .where(eq(cycleHalves.clientId, clientId))
        .returning({ id: cycleHalves.id });
      return gone.length;
    },
  },
];
