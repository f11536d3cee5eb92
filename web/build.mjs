// Builds the explorer: web/src → dist/web (one minified bundle, the page and its styles), and
// prints the bundle's size. Run by `npm run build`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here("../dist/web/");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [here("src/main.ts")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  outdir: out,
  entryNames: "app",
  chunkNames: "chunk-[hash]",
  splitting: true, // ECharts goes into a chunk that only the views with charts load
  legalComments: "linked",
  logLevel: "warning",
});
for (const file of ["index.html", "style.css"]) copyFileSync(here(file), `${out}${file}`);

const sizes = readdirSync(out)
  .filter((f) => f.endsWith(".js"))
  .map((file) => ({ file, bytes: statSync(out + file).size, gzipped: gzipSync(readFileSync(out + file)).length }));
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const total = sizes.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzipped: sum.gzipped + s.gzipped }), { bytes: 0, gzipped: 0 });
console.log(`explorer bundle (dist/web): ${kib(total.bytes)} in all, ${kib(total.gzipped)} gzipped`);
for (const s of sizes.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${s.file.padEnd(24)} ${kib(s.bytes).padStart(9)}  ${kib(s.gzipped).padStart(8)} gzipped`);
