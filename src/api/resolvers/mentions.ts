// The `mentions` list every mentioned entity has: each report's sentences about it.
import { countMentions, mentionsOf } from "../../graph/read/programs.js";
import { countReportsMentioningProgram } from "../../graph/read/rollups.js";
import type { Context } from "../context.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { toReport } from "../types/entities.js";

export const MENTIONS_DESCRIPTION = "each report's mentions, with sentences and offsets, newest first";

export async function mentionConnection(
  ctx: Context,
  label: "Program" | "Law" | "LawFirm" | "Person" | "UnlinkedPlace" | "Jurisdiction",
  key: string,
  args: PageArgs,
) {
  const window = pageWindow(args, ctx.limits);
  const page = () => mentionsOf(ctx.db, label, key, window);
  return toConnection(
    page,
    window,
    (m) => ({
      report: toReport(m.report),
      count: m.count,
      evidence: m.sentences.map((sentence, i) => ({ reportId: m.reportId, year: m.report.year, sentence, start: m.starts[i]!, end: m.ends[i]! })),
    }),
    () => (label === "Program" ? countReportsMentioningProgram(ctx.db, key, null) : countMentions(ctx.db, label, key)),
  );
}
