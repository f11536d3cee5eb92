// npm run eval: scores `kg extract --json` against ../shared/corpus with ../shared/eval/score.mjs.
// Extra arguments (--verbose, --json) go to the scorer.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = fileURLToPath(new URL("../../shared/", import.meta.url));
if (!existsSync(shared + "corpus/gold") || !existsSync(shared + "eval/score.mjs")) {
  console.log("eval: ../shared/corpus is not here; nothing to score");
  process.exit(0);
}
const kg = root + "dist/cli/main.js";
const result = spawnSync(
  process.execPath,
  [shared + "eval/score.mjs", "--gold", shared + "corpus/gold", "--reports", shared + "corpus/reports", "--run", `node ${kg} extract --json`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
