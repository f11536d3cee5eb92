// The Node version package.json states must be one every installed package accepts, so npm
// installs without engine warnings and the README's Node version is the truth.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

function packageFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith("@")) out.push(...packageFiles(path));
    else {
      out.push(join(path, "package.json"));
      try {
        out.push(...packageFiles(join(path, "node_modules")));
      } catch {
        // no nested node_modules
      }
    }
  }
  return out;
}

describe("the Node version", () => {
  const ours = JSON.parse(readFileSync("package.json", "utf8")).engines.node as string;

  it("is accepted by every installed package", () => {
    const refusing: string[] = [];
    for (const file of packageFiles("node_modules")) {
      let pkg: { name?: string; version?: string; engines?: { node?: string } };
      try {
        pkg = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        continue;
      }
      const theirs = pkg.engines?.node;
      if (theirs && semver.validRange(theirs) && !semver.subset(ours, theirs)) refusing.push(`${pkg.name}@${pkg.version} wants node ${theirs}`);
    }
    expect(refusing).toEqual([]);
  });

  it("is what the README says and what runs the tests", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`\`${ours}\``);
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });
});
