// Structured logs (pino): JSON lines for log collectors, pretty lines on a terminal.
import { pino, type Logger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "../config.js";

export type { Logger };

/**
 * The logger the server is given. format "auto" is pretty when the destination is a terminal.
 * Writes are synchronous, so the last lines before an exit are not lost.
 */
export function createLogger(options: Config["log"], destination: NodeJS.WritableStream & { isTTY?: boolean; fd?: number } = process.stdout): Logger {
  const asPretty = options.format === "pretty" || (options.format === "auto" && destination.isTTY === true);
  const base = { level: options.level, base: { service: "kg-reports" } };
  if (asPretty) {
    return pino(base, pretty({ destination, sync: true, colorize: destination.isTTY === true, ignore: "service,pid,hostname", translateTime: "SYS:HH:MM:ss.l" }));
  }
  return pino({ ...base, timestamp: pino.stdTimeFunctions.isoTime }, destination === process.stdout ? pino.destination({ fd: 1, sync: true }) : destination);
}

/** A logger that writes nothing, for embedding the server where no logs are wanted. */
export const silentLogger: Logger = pino({ level: "silent" });
