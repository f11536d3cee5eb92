// Extraction for ingestReport: in a worker thread, so a large text does not stall other
// requests, with the same input checks as kg ingest (binary, control characters, garbled
// text) and the same cap on facts per report.
import type { ReportExtraction } from "../../extract/types.js";
import { ExtractionPool } from "../../ingest/worker-pool.js";
import { badInput } from "../errors.js";

const WORKER_FAILED = "extraction worker failed";

export class ApiExtractor {
  private pool: ExtractionPool | null = null;
  private next = 0;

  constructor(private readonly maxFacts: number) {}

  /** The text's extraction, or BAD_USER_INPUT saying why the text is refused. */
  async extract(text: string): Promise<ReportExtraction> {
    this.pool ??= new ExtractionPool(1);
    const response = await this.pool.extract({ id: this.next++, path: "", display: "text", bytes: Buffer.from(text, "utf8"), maxFacts: this.maxFacts });
    if (response.ok) return response.extraction;
    if (response.error.includes(WORKER_FAILED)) {
      // A crashed worker leaves the pool unusable: start afresh for the next request.
      const broken = this.pool;
      this.pool = null;
      await broken?.close();
      throw new Error(response.error);
    }
    throw badInput(response.error);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
