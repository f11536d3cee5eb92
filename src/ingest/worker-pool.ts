// A fixed set of extraction workers; each request resolves with its worker's answer.
import { Worker } from "node:worker_threads";
import type { ExtractRequest, ExtractResponse, RowsResponse } from "./worker-protocol.js";

type Response = ExtractResponse | RowsResponse;

const WORKER_FILE = new URL("./extract-worker.js", import.meta.url);

/** Requests each worker holds at once: the next one is there when it finishes, without waiting for this thread. */
const DEPTH = 2;

export class ExtractionPool {
  /** free request slots, DEPTH per worker, oldest first */
  private readonly idle: Worker[] = [];
  private readonly queue: { request: ExtractRequest; done: (r: Response) => void }[] = [];
  private readonly pending = new Map<number, (r: Response) => void>();
  private readonly workers: Worker[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE);
      worker.on("message", (response: Response) => {
        const done = this.pending.get(response.id)!;
        this.pending.delete(response.id);
        this.release(worker);
        done(response);
      });
      worker.on("error", (error) => {
        // A crashed worker fails the requests it held; the pool is not usable after that.
        for (const [id, done] of this.pending) done({ id, ok: false, error: `extraction worker failed: ${error.message}` });
        this.pending.clear();
      });
      this.workers.push(worker);
    }
    for (let slot = 0; slot < DEPTH; slot++) this.idle.push(...this.workers);
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
      this.queue.push({ request, done });
      this.dispatch();
    });
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const { request, done } = this.queue.shift()!;
      this.pending.set(request.id, done);
      worker.postMessage(request);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
