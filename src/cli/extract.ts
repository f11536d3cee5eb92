// kg extract [--json] FILE... : prints what the extractor finds in each report.
import { extractReport } from "../extract/index.js";
import type { ReportExtraction } from "../extract/types.js";
import { readReport, ReportInputError } from "../io/read-report.js";

export const extractHelp = `kg extract [--json] FILE...   extract entities from report files ("-" reads stdin)

  --json    one JSON object per report (one line each when several files are given)
            otherwise a short human-readable summary per report`;

export async function runExtract(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length === 0) {
    console.error("kg extract: give at least one FILE (or - for standard input)");
    return 2;
  }
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
