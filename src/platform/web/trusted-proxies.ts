/**
 * Fastify's trustProxy for HAVEN_TRUST_PROXY (config.ts): a hop count becomes "the n hops nearest Haven"
 * (what proxy-addr does with a number, which Fastify's types do not accept); an address list stays as it
 * is. Never `true`, which believes the left-most X-Forwarded-For — an address the client writes itself.
 */
export function trustedProxies(
  setting: false | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== "number") return setting;
  return (_address, hop) => hop < setting;
}
