// The report files an ingest reads: files as given, directories walked for report files (any
// format the readers take), "-" for stdin. A sidecar NAME.url file gives a file's published URL.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { REPORT_EXTENSIONS } from "../io/read-report.js";

export interface SourceFile {
  /** what the user named, for messages */
  display: string;
  /** absolute path, or "-" for standard input */
  path: string;
  /** where the report was published (--source-url or a sidecar .url file) */
  url?: string | null;
  /** a sidecar .url file that could not be used, said in one line naming it (the report is read without a URL) */
  urlWarning?: string;
}

const isReportFile = (name: string) => REPORT_EXTENSIONS.includes(extname(name).toLowerCase());

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && isReportFile(entry.name)) out.push(path);
  }
}

/** An http(s) URL, or an error saying what is wrong with it. */
export function checkSourceUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${what}: not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${what}: expected an http(s) URL, got ${JSON.stringify(value)}`);
  return url.href;
}

/**
 * The URL in REPORT.EXT.url or REPORT.url beside a report: a bare URL on the first line, or a
 * Windows Internet shortcut ([InternetShortcut] URL=…), as browsers save them. A sidecar that is
 * there but unreadable, empty or not an http(s) URL is an error naming it.
 */
export async function sidecarUrl(path: string): Promise<string | null> {
  const stem = path.slice(0, path.length - extname(path).length);
  for (const candidate of [`${path}.url`, `${stem}.url`]) {
    let content: string;
    try {
      content = await readFile(candidate, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw new Error(`${candidate}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const lines = content.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const line = lines.find((l) => /^url=/i.test(l))?.slice(4) ?? lines.find((l) => !l.startsWith("["));
    if (!line) throw new Error(`${candidate}: no URL in it`);
    return checkSourceUrl(line, candidate);
  }
  return null;
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
  for (const source of out) {
    if (source.path === "-") continue;
    try {
      source.url = await sidecarUrl(source.path);
    } catch (error) {
      source.url = null;
      source.urlWarning = `${(error as Error).message}; ${source.display} is read without a URL`;
    }
  }
  return out;
}
