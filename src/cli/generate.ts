// kg generate --reports N --seed S DIR : writes a deterministic synthetic corpus of reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCorpus, generateCorpus } from "../generate/corpus.js";

export const generateHelp = `kg generate --reports N --seed S DIR   write N synthetic reports into DIR (same N and S: identical files)

  --provinces P   provinces to draw places from (default 10)
  --districts D   districts in the pool (default 300)
  --townships T   townships / sub-districts per district (default 5)`;

interface Args {
  reports: number;
  seed: string;
  dir: string;
  provinces: number;
  districts: number;
  townships: number;
}

function parse(args: string[]): Args | string {
  const values: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      const [flag, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      const value = inline ?? args[++i];
      if (value === undefined) return `--${flag} needs a value`;
      values[flag] = value;
    } else rest.push(a);
  }
  const unknown = Object.keys(values).filter((k) => !["reports", "seed", "provinces", "districts", "townships"].includes(k));
  if (unknown.length) return `unknown option --${unknown[0]}`;
  if (rest.length !== 1) return "give exactly one output DIR";
  if (values.seed === undefined || values.seed === "") return "give --seed S";
  const count = (name: string, fallback: number | undefined, min: number): number | string => {
    const v = values[name];
    if (v === undefined) return fallback ?? `give --${name} N`;
    return /^\d+$/.test(v) && Number(v) >= min ? Number(v) : `--${name} must be a whole number ≥ ${min}`;
  };
  const reports = count("reports", undefined, 1);
  const provinces = count("provinces", 10, 1);
  const districts = count("districts", 300, 1);
  const townships = count("townships", 5, 0);
  for (const v of [reports, provinces, districts, townships]) if (typeof v === "string") return v;
  return {
    reports: reports as number,
    seed: values.seed,
    dir: rest[0]!,
    provinces: provinces as number,
    districts: districts as number,
    townships: townships as number,
  };
}

export async function runGenerate(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === "string") {
    console.error(`kg generate: ${parsed}; see kg generate --help`);
    return 2;
  }
  const started = performance.now();
  const corpus = buildCorpus({
    seed: parsed.seed,
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
