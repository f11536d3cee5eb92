// The explorer web app: static files built by web/build.mjs into dist/web, served at / and
// /explorer/*. Only plain file names (no folders) with a known extension are served.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("../web/", import.meta.url));

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

/** The file on disk and its content type for a request path, or null when it is not the explorer's. */
export function explorerFile(pathname: string): { file: string; type: string } | null {
  const name = pathname === "/" ? "index.html" : pathname.startsWith("/explorer/") ? pathname.slice("/explorer/".length) : null;
  const match = name ? /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(html|js|css|txt)$/.exec(name) : null;
  if (!match || !existsSync(WEB_DIR + name)) return null;
  return { file: WEB_DIR + name, type: TYPES[match[1]!]! };
}

export function explorerBuilt(): boolean {
  return existsSync(WEB_DIR + "index.html");
}
