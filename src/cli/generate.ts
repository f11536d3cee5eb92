// kg generate --reports N --seed S DIR : writes a deterministic synthetic corpus of reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { buildCorpus, generateCorpus } from "../generate/corpus.js";
import { exitWith, wholeNumber } from "./options.js";

interface GenerateOptions {
  reports: number;
  seed: string;
  provinces?: number;
  districts?: number;
  townships?: number;
}

export function addGenerateCommand(program: Command): void {
  program
    .command("generate")
    .description("write N synthetic reports into DIR (same N and seed: identical files)")
    .argument("<dir>", "output directory (made when missing)")
    .requiredOption("--reports <n>", "number of reports", wholeNumber(1, 10_000_000))
    .requiredOption("--seed <s>", "seed of the random choices")
    // Left out, the pool is 10 provinces, 300 districts and 5 townships each, grown as far as
    // needed so that no place-year is written twice.
    .option("--provinces <n>", "provinces to draw places from (default 10, more for large N)", wholeNumber(1, 100))
    .option("--districts <n>", "districts in the pool (default 300, more for large N)", wholeNumber(1, 100_000))
    .option("--townships <n>", "townships / sub-districts per district (default 5, more for large N)", wholeNumber(0, 1000))
    .action(async (dir: string, options: GenerateOptions) => exitWith(await runGenerate(dir, options)));
}

export async function runGenerate(dir: string, options: GenerateOptions): Promise<number> {
  const parsed = { ...options, dir };
  const started = performance.now();
  const corpus = buildCorpus({
    seed: parsed.seed,
    reports: parsed.reports,
    provinces: parsed.provinces,
    districts: parsed.districts,
    townshipsPerDistrict: parsed.townships,
  });
  mkdirSync(parsed.dir, { recursive: true });
  let bytes = 0;
  const places = new Set<string>();
  for (const r of generateCorpus(corpus, parsed.reports)) {
    const data = Buffer.from(r.text, "utf8");
    writeFileSync(join(parsed.dir, r.fileName), data);
    bytes += data.length;
    places.add(r.subject.code);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `kg generate: wrote ${parsed.reports} reports (${(bytes / 1e6).toFixed(1)} MB) to ${parsed.dir} in ${seconds.toFixed(1)} s — ` +
      `${places.size} places in ${corpus.pool.districts.length} districts of ${corpus.pool.provinces.length} provinces, ` +
      `${corpus.firms.length} law firms, programmes from ${corpus.programSource}, seed ${parsed.seed}\n`,
  );
  return 0;
}
