// Runs the built service (`kg serve`, from tsc output) as a child process and talks HTTP to it.
import { spawn, type ChildProcess } from "node:child_process";

export interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cypherRoundTrips?: number };
}

export interface RunningService {
  url: string;
  /** the service's process id */
  pid: number;
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  get(path: string): Promise<{ status: number; body: string; type: string }>;
  /** everything the service wrote to stdout and stderr so far */
  output(): string;
  stop(): Promise<void>;
  /** sends the signal; resolves with the exit code */
  signal(name: NodeJS.Signals): Promise<number | null>;
  /** everything the service printed so far */
  output(): string;
}

export async function startService(env: Record<string, string>): Promise<RunningService> {
  const child: ChildProcess = spawn(process.execPath, ["dist/cli/main.js", "serve"], {
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const read = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`kg serve did not start:\n${output}`)), 120_000);
    const check = () => {
      const match = /GraphQL: (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    child.once("exit", (code) => fail(new Error(`kg serve exited (${code}):\n${output}`)));
  });
  const origin = url.replace(/\/graphql$/, "");
  return {
    url,
    pid: child.pid!,
    async gql(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async get(path) {
      const response = await fetch(origin + path);
      return { status: response.status, body: await response.text(), type: response.headers.get("content-type") ?? "" };
    },
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
    signal: (name) =>
      new Promise((done) => {
        child.once("exit", (code) => done(code));
        child.kill(name);
      }),
    output: () => output,
  };
}
