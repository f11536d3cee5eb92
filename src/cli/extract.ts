// kg extract [--json] FILE... : prints what the extractor finds in each report.
import type { Command } from "commander";
import { extractReport } from "../extract/index.js";
import type { ReportExtraction } from "../extract/types.js";
import { readReportFile, ReportInputError, type ReportSource } from "../io/read-report.js";
import { exitWith } from "./options.js";

export function addExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("print the entities and metrics the extractor finds in report files")
    .argument("<file...>", 'report files: text in any encoding, .html, .pdf, .docx ("-" reads standard input)')
    .option("--json", "one JSON object per report (one line each when several files are given); otherwise a short summary")
    .action(async (files: string[], options: { json?: boolean }) => exitWith(await runExtract(files, options.json ?? false)));
}

export async function runExtract(files: string[], json: boolean): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let extraction: ReportExtraction;
    let source: ReportSource;
    try {
      const document = await readReportFile(file);
      source = document.source;
      extraction = extractReport(document.text);
    } catch (e) {
      failures++;
      console.error(e instanceof ReportInputError ? `kg extract: ${e.message}` : `kg extract: ${file}: ${String(e)}`);
      continue;
    }
    if (json) process.stdout.write(JSON.stringify(extraction, null, files.length === 1 ? 1 : undefined) + "\n");
    else process.stdout.write(summarize(file, extraction, source));
  }
  return failures ? 1 : 0;
}

/** How the file was read, when it was not plain UTF-8 text. */
function readAs(s: ReportSource): string | null {
  if (s.format === "text" && s.encoding === "utf-8") return null;
  const parts = [s.format, s.encoding, s.title && `title “${s.title}”`, s.publishedAt && `dated ${s.publishedAt}`, s.canonicalUrl && `canonical ${s.canonicalUrl}`];
  return `  read as: ${parts.filter(Boolean).join(" · ")}`;
}

function summarize(file: string, x: ReportExtraction, source: ReportSource): string {
  const lines = [`${file}`, `  report: ${x.report.title ?? "(no title)"} · year ${x.report.year ?? "?"} · subject ${x.report.subject ? `${x.report.subject.name} ${x.report.subject.code}` : x.report.subjectName ? `${x.report.subjectName} (unlinked)` : "?"} · published ${x.report.publishedAt ?? "?"}`];
  const how = readAs(source);
  if (how) lines.push(how);
  const byType = new Map<string, string[]>();
  for (const e of x.entities) {
    const list = byType.get(e.type) ?? [];
    list.push(e.code ? `${e.name} ${e.code}` : e.name);
    byType.set(e.type, list);
  }
  for (const [type, names] of byType) lines.push(`  ${type} (${names.length}): ${names.join(", ")}`);
  lines.push(`  Metric (${x.metrics.length}): ${x.metrics.slice(0, 12).map((m) => `${m.name}=${m.value}${m.unit}`).join(", ")}${x.metrics.length > 12 ? ", …" : ""}`);
  return lines.join("\n") + "\n";
}
