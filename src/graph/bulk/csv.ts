// CSV files in the form `neo4j-admin database import` reads: a typed header line, then rows.
// Strings are always quoted ("" doubles a quote), so an empty string stays an empty string and
// an empty field means "no property", as a null does in Cypher. Array elements are joined with
// ARRAY_DELIMITER, a control character that report text does not use.
//
// Rows are made into text where the report is extracted (CsvLines, in a worker thread) and
// appended to their file in the main thread (CsvFile), which writes them out as a stream.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

export const ARRAY_DELIMITER = "\u001f";
/** How neo4j-admin is told the array delimiter. */
export const ARRAY_DELIMITER_OPTION = "U+001F";

export type CsvValue = string | number | null | undefined | readonly (string | number)[];

/** Buffered rows are handed to the file stream past this size (bytes, or characters of text). */
const FLUSH_BYTES = 1 << 20;

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One value as a CSV field of `column` (named in errors). */
export function csvField(value: CsvValue, column: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return quote(value);
  // An empty list has no CSV form: it is written as no property, and set after the import.
  if (!value.length) return "";
  return quote(
    value
      .map((v) => {
        const s = String(v);
        if (s.includes(ARRAY_DELIMITER)) throw new Error(`bulk import: a value of ${column} holds U+001F, the array delimiter`);
        return s;
      })
      .join(ARRAY_DELIMITER),
  );
}

/** Rows of one file as text (no header), with what the file needs to know about them. */
export interface CsvText {
  text: string;
  rows: number;
  /** a value holds a line break (neo4j-admin must then read the files as multi-line) */
  multiline: boolean;
}

/** Rows of a file with these columns, made into text in memory. */
export class CsvLines implements CsvText {
  text = "";
  rows = 0;
  multiline = false;

  constructor(private readonly columns: readonly string[], private readonly where: string) {}

  /** The row as a line; `open`: its last fields are left for the reader of the text to add. */
  row(values: CsvValue[], open = 0): void {
    if (values.length !== this.columns.length - open) {
      throw new Error(`bulk import: ${values.length} values for the ${this.columns.length - open} columns of ${this.where}`);
    }
    const line = values.map((v, i) => csvField(v, this.columns[i]!)).join(",");
    if (!this.multiline && (line.includes("\n") || line.includes("\r"))) this.multiline = true;
    this.text += open ? line : line + "\n";
    this.rows++;
  }
}

/** Rows of one file as UTF-8 bytes, a slice of a larger buffer (made in a worker, moved to the main thread). */
export interface CsvBytes {
  bytes: Uint8Array;
  rows: number;
  multiline: boolean;
}

/**
 * Several files' rows in one buffer of their own (not Node's shared pool), so that a worker can
 * hand it to the main thread without a copy (postMessage's transfer list).
 */
export function packCsv(texts: CsvText[]): CsvBytes[] {
  const lengths = texts.map((t) => Buffer.byteLength(t.text));
  const buffer = Buffer.allocUnsafeSlow(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  return texts.map((t, i) => {
    const start = at;
    at += buffer.write(t.text, at, "utf8");
    return { bytes: buffer.subarray(start, start + lengths[i]!), rows: t.rows, multiline: t.multiline };
  });
}

/** One CSV file being written: text is buffered and handed to a file stream in large pieces. */
export class CsvFile {
  private parts: (Uint8Array | string)[] = [];
  private buffered = 0;
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  multiline = false;
  rows = 0;

  private constructor(
    readonly path: string,
    private readonly columns: string[],
  ) {
    this.stream = createWriteStream(path);
    this.stream.on("error", (error) => (this.failure = error));
    this.push(columns.join(",") + "\n");
  }

  static async create(path: string, columns: string[]): Promise<CsvFile> {
    const file = new CsvFile(path, columns);
    await once(file.stream, "open");
    return file;
  }

  row(values: CsvValue[]): void {
    const lines = new CsvLines(this.columns, this.path);
    lines.row(values);
    this.append(lines);
  }

  /** Adds rows made elsewhere (of the same columns), as text or as UTF-8 bytes. */
  append(lines: CsvText | CsvBytes): void {
    if (!lines.rows) return;
    if (lines.multiline) this.multiline = true;
    this.push("text" in lines ? lines.text : lines.bytes);
    this.rows += lines.rows;
  }

  /** Adds the end of a row whose start came in bytes (no line break in it). */
  appendText(text: string): void {
    this.push(text);
  }

  private push(part: Uint8Array | string): void {
    this.parts.push(part);
    this.buffered += part.length;
    if (this.buffered >= FLUSH_BYTES) this.writeOut();
  }

  private writeOut(): void {
    if (!this.parts.length) return;
    this.stream.write(Buffer.concat(this.parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p))));
    this.parts = [];
    this.buffered = 0;
  }

  /** Resolves once the stream has taken what it holds to the disk (backpressure for the producer). */
  async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.writableNeedDrain) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.writeOut();
    this.stream.end();
    if (!this.stream.closed) await once(this.stream, "close");
    if (this.failure) throw this.failure;
  }
}
