import type { FastifyBaseLogger, FastifyServerOptions } from "fastify";
import type { Bindings, ChildLoggerOptions } from "pino";

type Level = "fatal" | "error" | "warn" | "info" | "debug" | "trace";
type ChildOptions = ChildLoggerOptions;
type Parent = FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean };

/**
 * The logger of one request (`request.log`), made only when the request writes a line (record 046).
 * Fastify makes a pino child with the request's id for every request; on a cached public page, which
 * logs nothing at the configured level, that child was a large part of the work. The lines written are
 * the same: the first one makes the child with the same bindings and options.
 */
class LazyRequestLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: Parent,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  get level(): string {
    return this.#child?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  private real(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  /** A line at this level would be written (a route's own level, or one set later, asks the child). */
  private writes(level: Level): boolean {
    if (this.#child || this.options.level !== undefined || !this.parent.isLevelEnabled) return true;
    return this.parent.isLevelEnabled(level);
  }

  /** Whether a line at `level` could be written (true when only the child can tell), as pino's loggers say. */
  isLevelEnabled(level: Level): boolean {
    return this.writes(level);
  }

  private write(level: Level, args: unknown[]): void {
    if (this.writes(level)) (this.real()[level] as (...a: unknown[]) => void)(...args);
  }

  fatal(...args: unknown[]) {
    this.write("fatal", args);
  }
  error(...args: unknown[]) {
    this.write("error", args);
  }
  warn(...args: unknown[]) {
    this.write("warn", args);
  }
  info(...args: unknown[]) {
    this.write("info", args);
  }
  debug(...args: unknown[]) {
    this.write("debug", args);
  }
  trace(...args: unknown[]) {
    this.write("trace", args);
  }
  silent() {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }
}

/** For Fastify's `childLoggerFactory` option. */
export const lazyRequestLogger: NonNullable<FastifyServerOptions["childLoggerFactory"]> = (
  logger,
  bindings,
  options,
) => new LazyRequestLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
