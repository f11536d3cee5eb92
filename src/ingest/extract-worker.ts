// Worker thread: reads and extracts one report per message, so extraction uses every core.
import { parentPort } from "node:worker_threads";
import { extractReport } from "../extract/index.js";
import { decodeReport, readReport } from "../io/read-report.js";
import { checkReportFacts, checkReportNumbers } from "./limits.js";
import type { ExtractRequest, ExtractResponse } from "./worker-protocol.js";

parentPort!.on("message", async (request: ExtractRequest) => {
  let response: ExtractResponse;
  const started = performance.now();
  try {
    const text = request.bytes ? decodeReport(request.bytes, request.display) : await readReport(request.path);
    checkReportNumbers(text, request.maxFacts, request.display);
    const extraction = extractReport(text);
    checkReportFacts(extraction, request.maxFacts, request.display);
    response = { id: request.id, ok: true, extraction, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = { id: request.id, ok: false, error: message.startsWith(request.display) ? message : `${request.display}: ${message}` };
  }
  parentPort!.postMessage(response);
});
