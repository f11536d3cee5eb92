// Where one request's time goes, as a Server-Timing header (KG_SERVER_TIMING=on): reading the
// body, the query analysis (which parses the query), validation, Apollo's own parse (only for a
// query it was not handed parsed), execution, the time Cypher statements were in flight during
// the execution, and preparing the answer. Wall-clock, so waiting shows as well as work.

/** The phases in the order a request passes them; each lasts until the next one's mark. */
export type Phase = "read" | "check" | "context" | "parse" | "validate" | "execute" | "send";

export class RequestTiming {
  private readonly started = performance.now();
  private readonly marks: [Phase, number][] = [];
  /** time with at least one Cypher statement in flight (part of execute), and how many were sent */
  private dbMs = 0;
  private statements = 0;
  private inFlight = 0;
  private dbSince = 0;

  /** A phase starts now (and the previous one ends). */
  mark(phase: Phase): void {
    this.marks.push([phase, performance.now()]);
  }

  /** A statement is sent now; call what this returns once it is answered (or has failed). */
  statementSent(): () => void {
    this.statements++;
    if (this.inFlight++ === 0) this.dbSince = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.inFlight === 0) this.dbMs += performance.now() - this.dbSince;
    };
  }

  /** The Server-Timing value: each phase's duration, db time, and the total so far (ms). */
  header(): string {
    const now = performance.now();
    const parts: string[] = [];
    let since = this.started;
    let previous: Phase | "receive" = "receive";
    for (const [phase, at] of this.marks) {
      parts.push(`${previous};dur=${(at - since).toFixed(2)}`);
      [previous, since] = [phase, at];
    }
    parts.push(`${previous};dur=${(now - since).toFixed(2)}`);
    parts.push(`db;dur=${this.dbMs.toFixed(2)};desc="${this.statements} statements"`);
    parts.push(`total;dur=${(now - this.started).toFixed(2)}`);
    return parts.join(", ");
  }
}
