// kg delete REPORT_ID... : removes reports and the facts only they held.
import { loadConfig } from "../config.js";
import { connect } from "../graph/connect.js";
import { deleteReport } from "../graph/delete.js";

export const deleteHelp = `kg delete REPORT_ID...         remove reports, their metrics and mentions; entities no report mentions any more go too`;

export async function runDelete(ids: string[]): Promise<number> {
  if (!ids.length) {
    console.error("kg delete: give at least one REPORT_ID");
    return 2;
  }
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
