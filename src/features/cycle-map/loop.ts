import { chosen } from "./cycle-choices.ts";
import type { Half } from "./cycle-half.ts";
import { andList, cycleMessages as m } from "./messages.ts";

/** A partner's shared side with the name both partners know them by. */
export type Side = { name: string; half: Half };

/** One step of the loop: a move someone makes, or how the other's move lands on them. */
export type LoopStep = { kind: "move" | "landing"; who: string; lines: string[] };

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function moveOf(side: Side, who: string): LoopStep {
  const moves = chosen("moves", side.half.moves, "seen");
  const lines = [m.moveStep(who, moves.length > 0 ? andList(moves) : m.didNotSay)];
  if (side.half.movesOwn) lines.push(m.inOwnWords(who, side.half.movesOwn));
  return { kind: "move", who, lines };
}

function landingOf(side: Side, who: string): LoopStep {
  const { half } = side;
  const surface = [...chosen("surface", half.surface, "seen"), ...(half.surfaceOwn ? [half.surfaceOwn] : [])];
  const under = [
    ...chosen("underneath", half.underneath, "seen"),
    ...(half.underneathOwn ? [half.underneathOwn] : []),
  ];
  const longing = [...chosen("longing", half.longing, "seen"), ...(half.longingOwn ? [half.longingOwn] : [])];
  const lines = [m.landsAs(who, surface.length > 0 ? andList(surface) : m.didNotSay)];
  if (under.length > 0) lines.push(m.underneath(andList(under)));
  if (longing.length > 0) lines.push(m.longs(who, andList(longing)));
  return { kind: "landing", who, lines };
}

/**
 * The loop of two shared sides: my move → how it lands for you → your move → how it lands for me.
 * The same four steps, in the same order, for both partners and their therapist (the couple's first
 * partner starts), so that it is one picture of one pattern, with no one cast as its cause.
 */
export function loopOf(first: Side, second: Side): LoopStep[] {
  // Two partners who share a first name are told apart by their whole names.
  const clash = firstName(first.name) === firstName(second.name);
  const [a, b] = clash ? [first.name, second.name] : [firstName(first.name), firstName(second.name)];
  return [moveOf(first, a), landingOf(second, b), moveOf(second, b), landingOf(first, a)];
}
