// Whether Neo4j is answering, as the API last saw it. Once a request finds it gone, later
// requests are answered SERVICE_UNAVAILABLE at once instead of each waiting for connection
// timeouts, and a probe retries in the background until Neo4j answers again.
import { DatabaseUnavailableError, isUnavailable } from "../../graph/driver.js";

/** Probes a Neo4j known to be down this often. */
const PROBE_EVERY_MS = 250;

export class Neo4jHealth {
  private downSince: number | null = null;
  private lastError = "";
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private confirming = false;

  /** probe: one cheap query that touches the store, rejecting when Neo4j cannot answer it */
  constructor(
    private readonly uri: string,
    private readonly probe: () => Promise<void>,
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  get reason(): string {
    return this.lastError;
  }

  /** Throws the error a request gets while Neo4j is known to be down. */
  assertUp(): void {
    if (this.downSince !== null) throw new DatabaseUnavailableError(this.uri, this.lastError || "not answering");
  }

  /**
   * A statement failed: when the failure means "Neo4j is gone" and a probe confirms it (one
   * stale pooled connection is not an outage), switch to failing fast.
   */
  observe(error: unknown): void {
    if (!isUnavailable(error) || this.stopped) return;
    this.lastError = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    if (this.downSince !== null || this.confirming) return;
    this.confirming = true;
    this.probe().then(
      () => (this.confirming = false),
      () => {
        this.confirming = false;
        if (this.downSince !== null || this.stopped) return;
        this.downSince = Date.now();
        this.scheduleProbe();
      },
    );
  }

  succeeded(): void {
    this.downSince = null;
  }

  private scheduleProbe(): void {
    this.timer = setTimeout(async () => {
      try {
        await this.probe();
        this.downSince = null;
      } catch (error) {
        if (error instanceof Error) this.lastError = error.message.split("\n")[0]!;
        if (!this.stopped) this.scheduleProbe();
      }
    }, PROBE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
