// kg delete REPORT_ID... : removes reports and the facts only they held.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { connect } from "../graph/connect.js";
import { deleteReport } from "../graph/delete.js";
import { exitWith } from "./options.js";

export function addDeleteCommand(program: Command): void {
  program
    .command("delete")
    .description("remove reports, their metrics and mentions; entities no report mentions any more go too")
    .argument("<report-id...>", "ids of the reports to remove")
    .action(async (ids: string[]) => exitWith(await runDelete(ids)));
}

export async function runDelete(ids: string[]): Promise<number> {
  const db = await connect(loadConfig(), (line) => console.error(line));
  let missing = 0;
  try {
    for (const id of ids) {
      if (await deleteReport(db, id)) console.log(`deleted ${id}`);
      else {
        console.error(`kg delete: no report with id ${id}`);
        missing++;
      }
    }
  } finally {
    await db.close();
  }
  return missing ? 1 : 0;
}
