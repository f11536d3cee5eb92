// A fixed set of extraction workers; each request resolves with its worker's answer.
// A worker that cannot start, crashes or exits fails the request it held with a one-line error;
// once none is left, the queued requests and every later one fail the same way instead of waiting.
import { Worker } from "node:worker_threads";
import { firstLine } from "../graph/driver.js";
import type { ExtractRequest, ExtractResponse, RowsResponse } from "./worker-protocol.js";

const WORKER_FILE = new URL("./extract-worker.js", import.meta.url);

/** Starts every message about a lost worker; callers (the API's extractor) look for it. */
export const WORKER_FAILED = "extraction worker failed";

type Response = ExtractResponse | RowsResponse;
type Done = (response: Response) => void;

export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { request: ExtractRequest; done: Done }[] = [];
  /** the request each busy worker holds */
  private readonly held = new Map<Worker, { id: number; done: Done }>();
  private readonly workers = new Set<Worker>();
  private closing = false;
  /** why the last worker was lost, once none is left */
  private brokenBecause: string | null = null;

  /** workerFile: the worker's script; tests give one that fails on purpose */
  constructor(size: number, workerFile: URL = WORKER_FILE) {
    for (let i = 0; i < size; i++) this.start(workerFile);
  }

  private start(workerFile: URL): void {
    let worker: Worker;
    try {
      worker = new Worker(workerFile);
    } catch (error) {
      this.brokenBecause = `could not start: ${firstLine(error)}`;
      return;
    }
    this.workers.add(worker);
    this.idle.push(worker);
    worker.on("message", (response: Response) => {
      const holding = this.held.get(worker);
      this.held.delete(worker);
      this.idle.push(worker);
      holding?.done(response);
      this.dispatch();
    });
    // 'error' (a throw at start-up or later) is followed by 'exit'; whichever comes first counts.
    worker.on("error", (error) => this.lose(worker, firstLine(error)));
    worker.on("exit", (code) => this.lose(worker, `it exited with code ${code}`));
  }

  extract(request: ExtractRequest): Promise<ExtractResponse> {
    return this.run({ ...request, rows: false }) as Promise<ExtractResponse>;
  }

  /** Extracts a report and makes its rows for kg import's CSV files. */
  rows(request: ExtractRequest): Promise<RowsResponse> {
    return this.run({ ...request, rows: true }) as Promise<RowsResponse>;
  }

  private run(request: ExtractRequest): Promise<Response> {
    return new Promise((done) => {
      if (this.closing) return done(this.failure(request.id, "the pool was closed"));
      if (!this.workers.size) return done(this.failure(request.id));
      this.queue.push({ request, done });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { request, done } = this.queue.shift()!;
      this.held.set(worker, { id: request.id, done });
      worker.postMessage(request);
    }
  }

  /** A worker is gone: its request fails; when it was the last one, so do the queued ones. */
  private lose(worker: Worker, reason: string): void {
    if (this.closing || !this.workers.delete(worker)) return;
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.brokenBecause = reason;
    const holding = this.held.get(worker);
    this.held.delete(worker);
    holding?.done(this.failure(holding.id));
    if (!this.workers.size) this.failQueued();
  }

  private failQueued(): void {
    for (const { request, done } of this.queue.splice(0)) done(this.failure(request.id));
  }

  private failure(id: number, reason = this.brokenBecause ?? "no worker was started"): ExtractResponse {
    return { id, ok: false, error: `${WORKER_FAILED}: ${reason}` };
  }

  /** Stops the workers; requests still waiting fail rather than hang. */
  async close(): Promise<void> {
    this.closing = true;
    for (const { id, done } of this.held.values()) done(this.failure(id, "the pool was closed"));
    this.held.clear();
    for (const { request, done } of this.queue.splice(0)) done(this.failure(request.id, "the pool was closed"));
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

