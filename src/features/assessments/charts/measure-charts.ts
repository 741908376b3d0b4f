import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { jointWorkIsOpen } from "../../safety/joint-work.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { type MeasureAssignment, measuresOf } from "../measures/measure-assignments.ts";
import { chartSharesOf, shareKey } from "./chart-shares.ts";
import { isChartable, type ScaleRange, type ScorePoint, scoreSeries } from "./score-series.ts";

export type MeasureChart = {
  definition: InstrumentDefinition;
  range: ScaleRange;
  /** The level drawn across the chart, with the words that describe it. */
  cutOff?: { value: number; wording: string } | undefined;
  /** The person's own line first; the partner's only while both have agreed and joint work is open. */
  lines: { who: "self" | "partner"; points: ScorePoint[] }[];
  /** Whether this person agreed to show their line to their partner. */
  sharedBySelf: boolean;
};

export type ChartViewer = {
  clientId: string;
  /** The partner, when the client is in a couple. */
  partnerId: string | null;
  jointWorkOpen: boolean;
  /** The therapist sees every result of their client; the client only results shown to them. */
  forTherapist: boolean;
};

/**
 * The charts of one client's measures over time, as their own page or their therapist's record shows
 * them. A partner's answers are read only once both partners agreed, and then only for their line.
 */
export async function measureCharts(
  db: Database,
  ring: KeyRing,
  definitions: readonly InstrumentDefinition[],
  viewer: ChartViewer,
): Promise<MeasureChart[]> {
  const visible = (measures: MeasureAssignment[]) =>
    viewer.forTherapist ? measures : measures.filter((m) => m.resultsShownToClient);
  const own = visible(await measuresOf(db, ring, viewer.clientId));
  const couple = viewer.partnerId && viewer.jointWorkOpen ? [viewer.clientId, viewer.partnerId] : [];
  const shares = await chartSharesOf(db, couple.length > 0 ? couple : [viewer.clientId]);
  const bothShared = (instrumentId: string) =>
    couple.length === 2 && couple.every((id) => shares.has(shareKey(id, instrumentId)));
  let partnerMeasures: MeasureAssignment[] | undefined;

  const charts: MeasureChart[] = [];
  for (const definition of definitions.filter(isChartable)) {
    const mine = scoreSeries(definition, own);
    if (!mine.range || mine.points.length === 0) continue;
    const lines: MeasureChart["lines"] = [{ who: "self", points: mine.points }];
    if (viewer.partnerId && bothShared(definition.id)) {
      // The partner's own results only: what they may see themselves is what they agreed to show.
      partnerMeasures ??= (await measuresOf(db, ring, viewer.partnerId)).filter(
        (m) => m.resultsShownToClient,
      );
      const theirs = scoreSeries(definition, partnerMeasures);
      if (theirs.points.length > 0) lines.push({ who: "partner", points: theirs.points });
    }
    const overall = definition.overall.kind === "total" ? definition.overall.subscale : undefined;
    const cutOff = definition.cutOffs.find(
      (c) => c.subscale === overall && (viewer.forTherapist || !c.verify),
    );
    charts.push({
      definition,
      range: mine.range,
      cutOff: cutOff && { value: cutOff.value, wording: cutOff.wording },
      lines,
      sharedBySelf: shares.has(shareKey(viewer.clientId, definition.id)),
    });
  }
  return charts;
}

/** Who is looking, for a client (or for their therapist): the partner, and whether joint work is open. */
export async function chartViewerOf(
  db: Database,
  client: { id: string; coupleId: string | null },
  forTherapist: boolean,
): Promise<ChartViewer> {
  if (!client.coupleId) return { clientId: client.id, partnerId: null, jointWorkOpen: false, forTherapist };
  const [partner] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.coupleId, client.coupleId), ne(clients.id, client.id)));
  return {
    clientId: client.id,
    partnerId: partner?.id ?? null,
    jointWorkOpen: await jointWorkIsOpen(db, client.coupleId),
    forTherapist,
  };
}
