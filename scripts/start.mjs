// npm start: build, then `kg serve`. When the configured port is taken (most often by a kg serve
// already running from dist/), it says so in one line and leaves dist/ alone rather than
// rebuilding it under the running server.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const main = `${root}dist/cli/main.js`;

if (existsSync(`${root}dist/config.js`)) {
  const { loadConfig } = await import(`${root}dist/config.js`);
  const { portIsFree } = await import(`${root}dist/neo4j-server/server.js`);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(`kg: ${error.message}`);
    process.exit(2);
  }
  if (config.port !== 0 && !(await portIsFree(config.port, config.host))) {
    console.error(`kg: port ${config.port} on ${config.host} is already in use (another kg serve?); stop that or set PORT to another port`);
    process.exit(1);
  }
}

const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

// The server runs in this process, so Ctrl-C reaches it directly.
process.argv = [process.argv[0], main, "serve", ...process.argv.slice(2)];
await import(main);
