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

/** Buffered text is handed to the file stream past this size. */
const FLUSH_CHARS = 1 << 20;

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

/** One CSV file being written: text is buffered and handed to a file stream in large pieces. */
export class CsvFile {
  private parts: string[] = [];
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

  /** Adds rows made elsewhere (CsvLines of the same columns). */
  append(lines: CsvText): void {
    if (!lines.rows) return;
    if (lines.multiline) this.multiline = true;
    this.push(lines.text);
    this.rows += lines.rows;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_CHARS) this.writeOut();
  }

  private writeOut(): void {
    if (!this.parts.length) return;
    this.stream.write(this.parts.join(""));
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
