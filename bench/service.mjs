// What the API benchmarks share: a built `kg serve` on a free port, and one GraphQL call.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const kg = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

/** Starts `kg serve` (this checkout's, or the CLI at `cli`) against Neo4j at `uri`; resolves once it prints its GraphQL URL. */
export function startService(uri, cli = kg) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NEO4J_URI: uri, PORT: "0" };
    const child = spawn(process.execPath, [cli, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const read = (d) => {
      if (output === null) return; // started: the log lines are read (so the pipe never fills) and dropped
      output += d;
      const m = /GraphQL: (http:\/\/\S+\/graphql)/.exec(output);
      if (m) {
        output = null;
        resolve({ child, url: m[1], origin: m[1].replace(/\/graphql$/, "") });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`kg serve exited (${code}): ${output ?? ""}`)));
  });
}

/** One query's data; its errors, if any, thrown. */
export async function gql(url, query) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}
