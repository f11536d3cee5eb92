// Worker thread: reads and extracts one report per message, so extraction uses every core; for
// kg import it also makes the report's CSV rows, so that the main thread only writes them.
import { parentPort } from "node:worker_threads";
import { transferList } from "../graph/bulk/report-rows.js";
import { extractOne, rowsOfOne, type ExtractRequest } from "./worker-protocol.js";

parentPort!.on("message", async (request: ExtractRequest) => {
  if (!request.rows) return parentPort!.postMessage(await extractOne(request));
  const response = await rowsOfOne(request);
  parentPort!.postMessage(response, response.ok ? transferList(response.rows) : []);
});
