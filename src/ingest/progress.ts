// Progress of an ingest: a redrawn bar on a terminal, a plain line every few seconds otherwise.
import type { IngestProgress } from "./ingest.js";

const BAR_WIDTH = 24;
const LOG_EVERY_MS = 5000;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "?";
  return s >= 90 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.round(s)}s`;
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(p: IngestProgress): void; end(): void } {
  const started = performance.now();
  let lastLog = 0;
  let drawn = false;
  const line = (p: IngestProgress) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = p.done / Math.max(seconds, 1e-3);
    const eta = rate > 0 ? (p.total - p.done) / rate : Infinity;
    const failed = p.failed ? ` · ${p.failed} failed` : "";
    return `${p.done}/${p.total} reports · ${rate.toFixed(1)} reports/s · ETA ${formatSeconds(eta)}${failed}`;
  };
  return {
    update(p) {
      if (stream.isTTY) {
        const filled = Math.round((BAR_WIDTH * p.done) / Math.max(p.total, 1));
        stream.write(`\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${line(p)}\x1b[K`);
        drawn = true;
      } else if (performance.now() - lastLog >= LOG_EVERY_MS || p.done === p.total) {
        lastLog = performance.now();
        stream.write(`ingest: ${line(p)}\n`);
      }
    },
    end() {
      if (drawn) stream.write("\n");
    },
  };
}
