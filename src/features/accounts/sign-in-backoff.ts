/** Seconds to hold an account after `failures` failed attempts: none for the first two, then 2 s doubling to 15 min. */
export function signInBackoffSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(15 * 60, 2 ** (failures - 2));
}
