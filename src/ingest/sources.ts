// The report files an ingest reads: files as given, directories walked for *.txt, "-" for stdin.
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface SourceFile {
  /** what the user named, for messages */
  display: string;
  /** absolute path, or "-" for standard input */
  path: string;
}

const REPORT_FILE = /\.txt$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && REPORT_FILE.test(entry.name)) out.push(path);
  }
}

/** Expands the arguments in order. A path that does not exist is kept, so its error is reported per file. */
export async function listSources(args: string[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const arg of args) {
    if (arg === "-") {
      out.push({ display: "<stdin>", path: "-" });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const files: string[] = [];
      await walk(resolve(arg), files);
      for (const file of files) out.push({ display: file, path: file });
    } else {
      out.push({ display: arg, path: resolve(arg) });
    }
  }
  return out;
}
