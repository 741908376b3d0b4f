/** Seconds to wait before attempt n+1 after n failures: 15 s, 30 s, 1 min … at most an hour. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(3600, 15 * 2 ** Math.max(0, failedAttempts - 1));
}
