// kg extract [--json] FILE... : prints what the extractor finds in each report.
import type { Command } from "commander";
import { extractReport } from "../extract/index.js";
import type { ReportExtraction } from "../extract/types.js";
import { readReport, ReportInputError } from "../io/read-report.js";
import { exitWith } from "./options.js";

export function addExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("print the entities and metrics the extractor finds in report files")
    .argument("<file...>", 'report files ("-" reads standard input)')
    .option("--json", "one JSON object per report (one line each when several files are given); otherwise a short summary")
    .action(async (files: string[], options: { json?: boolean }) => exitWith(await runExtract(files, options.json ?? false)));
}

export async function runExtract(files: string[], json: boolean): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let extraction: ReportExtraction;
    try {
      extraction = extractReport(await readReport(file));
    } catch (e) {
      failures++;
      console.error(e instanceof ReportInputError ? `kg extract: ${e.message}` : `kg extract: ${file}: ${String(e)}`);
      continue;
    }
    if (json) process.stdout.write(JSON.stringify(extraction, null, files.length === 1 ? 1 : undefined) + "\n");
    else process.stdout.write(summarize(file, extraction));
  }
  return failures ? 1 : 0;
}

function summarize(file: string, x: ReportExtraction): string {
  const lines = [`${file}`, `  report: ${x.report.title ?? "(no title)"} · year ${x.report.year ?? "?"} · subject ${x.report.subject ? `${x.report.subject.name} ${x.report.subject.code}` : x.report.subjectName ? `${x.report.subjectName} (unlinked)` : "?"} · published ${x.report.publishedAt ?? "?"}`];
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
