// kg extract as a user runs it (the built CLI): output shape, and bad inputs that get one line each
// while the other files of the same call are still processed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "kg-extract-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


const kg = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["dist/cli/main.js", ...args], { encoding: "utf8", input, maxBuffer: 1 << 30 });

describe("kg extract", { timeout: 30_000 }, () => {
  it("prints one JSON object per report with the report fields and typed entities", () => {
    const out = execFileSync(process.execPath, ["dist/cli/main.js", "extract", "--json", "examples/reports/2022-zhuji-fengqiao.txt"], { encoding: "utf8" });
    const x = JSON.parse(out);
    expect(x.report).toMatchObject({ year: 2022, subject: { name: "枫桥镇", code: "330681109", level: "TOWNSHIP" }, publishedAt: "2023-01-13" });
    const place = x.entities.find((e: any) => e.code === "330681109");
    expect(place.ancestors.map((a: any) => a.code)).toEqual(["33", "3306", "330681"]);
    expect(place.mentions[0]).toMatchObject({ surface: expect.stringContaining("枫桥镇") });
    expect(x.metrics.length).toBeGreaterThan(10);
  });

  it("reads standard input with -", () => {
    const result = kg(["extract", "--json", "-"], "绍兴市诸暨市枫桥镇2022年法治政府建设年度报告\n全年调处矛盾纠纷56起。\n");
    expect(result.status).toBe(0);
    const x = JSON.parse(result.stdout);
    expect(x.report.subject.code).toBe("330681109");
    expect(x.metrics).toEqual([expect.objectContaining({ value: 56, unit: "起", qualifier: "exact" })]);
  });

  it("gives each bad input one line naming the file, exits non-zero, and still processes the rest (GBK is read)", () => {
    const empty = join(scratch, "empty.txt");
    const binary = join(scratch, "binary.txt");
    const gbk = join(scratch, "gbk.txt");
    writeFileSync(empty, "");
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
    writeFileSync(gbk, Buffer.from([0xb7, 0xa8, 0xd6, 0xce, 0xd5, 0xfe, 0xb8, 0xae, 0xbd, 0xa8, 0xc9, 0xe8])); // 法治政府建设 in GBK
    const good = "examples/reports/2022-xihu-wenxin.txt";
    const result = kg(["extract", "--json", empty, binary, good, gbk, scratch, join(scratch, "missing.txt")]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `kg extract: ${empty}: empty file`,
      `kg extract: ${binary}: binary data (NUL bytes), not a text report`,
      `kg extract: ${scratch}: is a directory, not a report file`,
      `kg extract: ${join(scratch, "missing.txt")}: no such file`,
    ]);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!).report.subject.code).toBe("330106013");
    expect(JSON.parse(lines[1]!).sentences[0].text).toBe("法治政府建设");
  });

  it("finishes a 10 MB input (linear time, no catastrophic backtracking)", () => {
    const big = join(scratch, "big.txt");
    const unit = "街道全年调处矛盾纠纷56起,受理法律咨询278件,开展“八五”普法宣传活动12场,“法治”“服务”“一网通办”“”“。\n";
    writeFileSync(big, unit.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit))));
    const started = Date.now();
    const result = kg(["extract", "--json", big]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).metrics.length).toBeGreaterThan(100_000);
    // Not a speed test (that is npm run bench:extract): a generous bound that only a
    // super-linear blow-up would break.
    expect(Date.now() - started).toBeLessThan(120_000);
  }, 180_000);
});
