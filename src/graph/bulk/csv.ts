// CSV files in the form `neo4j-admin database import` reads: a typed header line, then rows.
// Strings are always quoted ("" doubles a quote), so an empty string stays an empty string and
// an empty field means "no property", as a null does in Cypher. Array elements are joined with
// ARRAY_DELIMITER, a control character that report text does not use.
import { open, type FileHandle } from "node:fs/promises";

export const ARRAY_DELIMITER = "\u001f";
/** How neo4j-admin is told the array delimiter. */
export const ARRAY_DELIMITER_OPTION = "U+001F";

export type CsvValue = string | number | null | undefined | readonly (string | number)[];

/** Buffered text is written out past this size. */
const FLUSH_BYTES = 1 << 20;

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function field(value: CsvValue, column: string): string {
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

/** One CSV file being written; rows are buffered and written out in large pieces. */
export class CsvFile {
  private parts: string[] = [];
  private buffered = 0;
  /** whether a value holds a line break (neo4j-admin must then be told to read it as multi-line) */
  multiline = false;
  rows = 0;

  private constructor(
    readonly path: string,
    private readonly columns: string[],
    private readonly handle: FileHandle,
  ) {
    this.push(columns.join(",") + "\n");
  }

  static async create(path: string, columns: string[]): Promise<CsvFile> {
    return new CsvFile(path, columns, await open(path, "w"));
  }

  row(values: CsvValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`bulk import: ${values.length} values for the ${this.columns.length} columns of ${this.path}`);
    const line = values.map((v, i) => field(v, this.columns[i]!)).join(",");
    if (!this.multiline && (line.includes("\n") || line.includes("\r"))) this.multiline = true;
    this.push(line + "\n");
    this.rows++;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.buffered += text.length;
  }

  /** Writes out what is buffered once there is enough of it (or always, when `force`). */
  async flush(force = false): Promise<void> {
    if (!this.parts.length || (!force && this.buffered < FLUSH_BYTES)) return;
    const text = this.parts.join("");
    this.parts = [];
    this.buffered = 0;
    await this.handle.write(text);
  }

  async close(): Promise<void> {
    await this.flush(true);
    await this.handle.close();
  }
}
