export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; idleSeconds: number; endedAt: Date | null };

export type SessionState = "active" | "ended" | "idle" | "expired";

/** Whether a stored session still signs someone in at `now`. Pure, so every edge is tested directly. */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return "ended";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= session.idleSeconds * 1000) return "idle";
  return "active";
}

/** Writing last_seen on every request would cost a write per page; once a minute is precise enough. */
export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}
