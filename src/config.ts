import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseFrameOrigins } from "./platform/web/frame-origins.ts";

/** The repository root, so defaults do not depend on the directory Haven was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const loopbackHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** Strict booleans: "0", "false", "no" and "off" are false; anything unrecognised stops start-up. */
const strictBoolean = z.stringbool({
  truthy: ["1", "true", "yes", "on"],
  falsy: ["0", "false", "no", "off"],
});

/** A positive number of seconds (fractions allowed), with a default when unset or empty. */
const seconds = (fallback: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().positive().max(86_400).default(fallback),
  );

const envSchema = z.object({
  PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(0).max(65535).default(3000),
  ),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  HAVEN_DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  HAVEN_PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  HAVEN_TRUST_PROXY: z.string().trim().default("0"),
  HAVEN_SECRET_KEY: optionalText.pipe(
    z.string().min(32, "must be at least 32 characters (for example 64 hex digits)").optional(),
  ),
  HAVEN_SECRET_KEY_PREVIOUS: optionalText,
  HAVEN_DEMO: optionalText.pipe(strictBoolean.optional()),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
  ),
  HAVEN_CONTENT_DIR: optionalText,
  HAVEN_PRACTICE_FILE: optionalText,
  HAVEN_EMBED_ORIGINS: optionalText,
  HAVEN_DB_CONNECT_TIMEOUT_SECONDS: seconds(5),
  HAVEN_DB_STATEMENT_TIMEOUT_SECONDS: seconds(15),
  HAVEN_DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: seconds(30),
  HAVEN_SHUTDOWN_GRACE_SECONDS: seconds(10),
  HAVEN_BOOKING_RETENTION_MONTHS: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(1).max(120).default(12),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HAVEN_LOG_FORMAT: z.enum(["auto", "lines", "json"]).default("auto"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: URL;
  secureCookies: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe: false (none), a hop count (the n proxies nearest Haven),
   * or the proxies' addresses and networks. Never "all": the left-most address is the client's to forge.
   */
  trustProxy: false | number | string[];
  secretKey: string | undefined;
  previousSecretKey: string | undefined;
  /** undefined means "decide from the data dir": on for a fresh embedded install. */
  demo: boolean | undefined;
  smtpUrl: string | undefined;
  contentDir: string;
  practiceFile: string | undefined;
  /** Origins whose pages may frame the embed pages (`HAVEN_EMBED_ORIGINS`, record 041); empty: none may. */
  embedOrigins: string[];
  /** How long to wait on PostgreSQL: to connect (or for a free connection), per statement, idle in a transaction. */
  databaseTimeouts: { connectMs: number; statementMs: number; idleInTransactionMs: number };
  /** On SIGTERM or SIGINT, how long requests in flight and the current job may take to finish. */
  shutdownGraceMs: number;
  /** How long after a consultation a visitor's booking (details, note, self-check) is kept, in months. */
  bookingRetentionMonths: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** `auto`: readable lines on a terminal, JSON otherwise (a file, a pipe, a log collector). */
  logFormat: z.infer<typeof envSchema>["HAVEN_LOG_FORMAT"];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Haven cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const namedNetworks = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrNetwork(entry: string): boolean {
  if (namedNetworks.has(entry)) return true;
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !address || net.isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(address) ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * HAVEN_TRUST_PROXY: off (0/false/no/off), one hop (1/true/yes/on, as before), a number of hops, or a
 * comma-separated list of the proxies' addresses or networks (CIDR, or loopback/linklocal/uniquelocal).
 */
export function parseTrustProxy(raw: string): { value: false | number | string[]; problem?: string } {
  const value = raw.trim().toLowerCase();
  if (["", "0", "false", "no", "off"].includes(value)) return { value: false };
  if (["1", "true", "yes", "on"].includes(value)) return { value: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { value: hops } : { value: false, problem: "a hop count must be 10 or fewer" };
  }
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrNetwork(entry));
  if (bad.length > 0)
    return {
      value: false,
      problem: `expected 0 or 1, a number of proxy hops, or the proxies' addresses or networks (such as 10.0.0.0/8); not ${bad.join(", ")}`,
    };
  return { value: entries };
}

/** Reads and checks the environment. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];

  const publicUrl = new URL(e.HAVEN_PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  if (publicUrl.protocol === "http:" && !loopbackHosts.has(publicUrl.hostname)) {
    problems.push(
      `HAVEN_PUBLIC_URL: ${publicUrl.origin} is plain http on a public host; use https:// (cookies and sign-in links must not travel unencrypted)`,
    );
  }
  if (!e.HAVEN_PUBLIC_URL && !loopbackHosts.has(e.HOST)) {
    problems.push(
      `HAVEN_PUBLIC_URL: required when HOST is ${e.HOST}, so links, feeds and cookies use the address people really visit`,
    );
  }
  if (publicUrl.pathname !== "/" || publicUrl.search || publicUrl.hash) {
    problems.push("HAVEN_PUBLIC_URL: must be an origin only, such as https://haven.example.org");
  }
  if (e.DATABASE_URL && !e.HAVEN_SECRET_KEY) {
    problems.push(
      "HAVEN_SECRET_KEY: required when DATABASE_URL is set, so the key never lives beside the database",
    );
  }
  const trustProxy = parseTrustProxy(e.HAVEN_TRUST_PROXY);
  if (trustProxy.problem) problems.push(`HAVEN_TRUST_PROXY: ${trustProxy.problem}`);
  const embed = parseFrameOrigins(e.HAVEN_EMBED_ORIGINS);
  for (const problem of embed.problems) problems.push(`HAVEN_EMBED_ORIGINS: ${problem}`);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HAVEN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.protocol === "https:",
    trustProxy: trustProxy.value,
    secretKey: e.HAVEN_SECRET_KEY,
    previousSecretKey: e.HAVEN_SECRET_KEY_PREVIOUS,
    demo: e.HAVEN_DEMO,
    smtpUrl: e.SMTP_URL,
    contentDir: path.resolve(e.HAVEN_CONTENT_DIR ?? path.join(projectRoot, "content")),
    practiceFile: e.HAVEN_PRACTICE_FILE ? path.resolve(e.HAVEN_PRACTICE_FILE) : undefined,
    embedOrigins: embed.origins,
    databaseTimeouts: {
      connectMs: e.HAVEN_DB_CONNECT_TIMEOUT_SECONDS * 1000,
      statementMs: e.HAVEN_DB_STATEMENT_TIMEOUT_SECONDS * 1000,
      idleInTransactionMs: e.HAVEN_DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS * 1000,
    },
    shutdownGraceMs: e.HAVEN_SHUTDOWN_GRACE_SECONDS * 1000,
    bookingRetentionMonths: e.HAVEN_BOOKING_RETENTION_MONTHS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.HAVEN_LOG_FORMAT,
  };
}
