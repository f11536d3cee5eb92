// Worker thread: reads and extracts one report per message, so extraction uses every core.
import { parentPort } from "node:worker_threads";
import { extractOne, type ExtractRequest } from "./worker-protocol.js";

parentPort!.on("message", async (request: ExtractRequest) => {
  parentPort!.postMessage(await extractOne(request));
});
