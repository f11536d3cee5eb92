// Extraction for ingestReport: in a worker thread, so a large text (or a PDF to parse) does not
// stall other requests, with the same reading and input checks as kg ingest (formats, binary,
// control characters, garbled text) and the same cap on facts per report.
import type { ReportExtraction } from "../../extract/types.js";
import type { ReportSource } from "../../io/document.js";
import { ExtractionPool } from "../../ingest/worker-pool.js";
import { badInput } from "../errors.js";

const WORKER_FAILED = "extraction worker failed";

export class ApiExtractor {
  private pool: ExtractionPool | null = null;
  private next = 0;

  constructor(private readonly maxFacts: number) {}

  /** The text's extraction, or BAD_USER_INPUT saying why the text is refused. */
  async extract(text: string): Promise<ReportExtraction> {
    return (await this.extractFile(Buffer.from(text, "utf8"), "text", true)).extraction;
  }

  /**
   * A file's text, how it was read, and its extraction; BAD_USER_INPUT saying why it is refused.
   * `name` tells the format (its extension) and names the file in messages.
   */
  async extractFile(bytes: Uint8Array, name: string, plainText = false): Promise<{ extraction: ReportExtraction; text: string; source: ReportSource }> {
    this.pool ??= new ExtractionPool(1);
    const response = await this.pool.extract({ id: this.next++, path: "", display: name, bytes, plainText, maxFacts: this.maxFacts });
    if (response.ok) return response;
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
