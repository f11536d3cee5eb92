// The container, checked without a Docker engine: the Dockerfile's stages are replayed in clean
// folders (COPY as file copies, RUN as shell commands), then the runtime stage's files must run
// kg; docker-compose.yml is linted against the Compose specification (dclint).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), "kg-container-"));
// node_modules of two stages: removing them takes a while on a busy machine.
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  cmd: string | null;
  healthcheck: boolean;
}

/** Replays the Dockerfile; each stage's WORKDIR becomes a fresh folder. */
function replay(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  const instructions = DockerfileParser.parse(dockerfile).getInstructions();
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((a) => a.getValue());
    const stage = stages[stages.length - 1]!;
    switch (keyword) {
      case "FROM": {
        expect(args[0]).toMatch(/^node:20[-\w.]*$/);
        const name = args[2] ?? String(stages.length);
        stages.push({ name, root: join(scratch, name), workdir: "", env: {}, user: null, cmd: null, healthcheck: false });
        break;
      }
      case "WORKDIR":
        stage.workdir = args[0]!;
        mkdirSync(stage.root, { recursive: true });
        break;
      case "ENV":
        for (const pair of args) {
          const [key, value] = pair.split("=", 2) as [string, string];
          stage.env[key] = value;
        }
        break;
      case "COPY": {
        const from = instruction.getFlags().find((f) => f.getName() === "from")?.getValue();
        const source = from ? stages.find((s) => s.name === from)! : null;
        const dest = args[args.length - 1]!;
        for (const item of args.slice(0, -1)) {
          const path = source ? join(source.root, item.replace(new RegExp(`^${source.workdir}/`), "")) : join(repo, item);
          expect(existsSync(path), `COPY ${item}`).toBe(true);
          const target = dest.endsWith("/") ? join(stage.root, dest, basename(item)) : join(stage.root, dest);
          cpSync(path, target, { recursive: true });
        }
        break;
      }
      case "RUN": {
        const command = instruction.getRawArgumentsContent()!;
        const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? scratch, ...stage.env };
        const result = spawnSync("sh", ["-c", command], { cwd: stage.root, env, encoding: "utf8", maxBuffer: 1 << 28 });
        expect(result.status, `RUN ${command}\n${result.stdout}\n${result.stderr}`).toBe(0);
        break;
      }
      case "USER":
        stage.user = args[0]!;
        break;
      case "CMD":
        stage.cmd = instruction.getRawArgumentsContent();
        break;
      case "HEALTHCHECK":
        stage.healthcheck = true;
        break;
    }
  }
  return stages;
}

describe("the Dockerfile", { timeout: 900_000 }, () => {
  let runtime: Stage;
  beforeAll(() => {
    const stages = replay(readFileSync("Dockerfile", "utf8"));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    runtime = stages[stages.length - 1]!;
  }, 900_000);

  it("runs as a user other than root, health-checked, serving by default", () => {
    expect(runtime.user).not.toBeNull();
    expect(["root", "0"]).not.toContain(runtime.user);
    expect(runtime.healthcheck).toBe(true);
    expect(JSON.parse(runtime.cmd!)).toEqual(["node", "dist/cli/main.js", "serve"]);
    expect(runtime.env).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0" });
  });

  it("ships the built dist/ and production dependencies only", () => {
    for (const absent of ["src", "test", "tools", "examples", "node_modules/vitest", "node_modules/typescript"]) {
      expect(existsSync(join(runtime.root, absent)), absent).toBe(false);
    }
    expect(existsSync(join(runtime.root, "dist/cli/main.js"))).toBe(true);
  });

  it("has what kg needs at run time: the schema, the division index and the extraction data", () => {
    const env = { PATH: process.env.PATH!, ...runtime.env };
    const schema = spawnSync("node", ["dist/cli/main.js", "schema"], { cwd: runtime.root, env, encoding: "utf8" });
    expect(schema.status, schema.stderr).toBe(0);
    expect(schema.stdout).toBe(readFileSync("schema/schema.graphql", "utf8"));
    const extract = spawnSync("node", ["dist/cli/main.js", "extract", "--json", "-"], {
      cwd: runtime.root,
      env,
      encoding: "utf8",
      input: "绍兴市诸暨市枫桥镇2022年法治政府建设年度报告\n全年调处矛盾纠纷56起。\n",
    });
    expect(extract.status, extract.stderr).toBe(0);
    expect(JSON.parse(extract.stdout).report.subject.code).toBe("330681109");
  });
});

describe("docker-compose.yml", { timeout: 120_000 }, () => {
  const dclint = (file: string) =>
    spawnSync(process.execPath, [join(repo, "node_modules/dclint/bin/dclint.cjs"), file, "--color", "false", "--max-warnings", "0"], { encoding: "utf8" });

  it("passes the Compose linter, warnings included", () => {
    const result = dclint("docker-compose.yml");
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("starts the service after a healthy Neo4j, and health-checks both", () => {
    const text = readFileSync("docker-compose.yml", "utf8");
    expect(text).toMatch(/depends_on:\n\s+neo4j:\n\s+condition: service_healthy/);
    expect(text.match(/healthcheck:/g)).toHaveLength(2);
    expect(text).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
  });

  it("would catch a broken file (the linter can fail)", () => {
    const broken = join(scratch, "broken-compose.yml");
    cpSync("docker-compose.yml", broken);
    const text = readFileSync(broken, "utf8").replace("condition: service_healthy", "- service_healthy");
    writeFileSync(broken, text);
    expect(dclint(broken).status).not.toBe(0);
  });
});
