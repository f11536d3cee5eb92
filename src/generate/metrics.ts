// Figures a report quotes: recurring keys (出庭应诉率, 受理法律咨询 ...) with values from the
// RNG. Each figure belongs to one kind of work so it lands in the matching section.
import type { Rng } from "./rng.js";

export type Topic = "lead" | "decide" | "enforce" | "open" | "business" | "dispute" | "govern" | "review" | "publicize" | "legal";

/** Number helpers bound to one report: counts scale with the size of the jurisdiction. */
export class Figures {
  constructor(
    private readonly rng: Rng,
    /** 1 for a district, smaller for a township */
    private readonly scale: number,
  ) {}

  /** A count in [lo, hi] times the scale, at least 1. */
  n(lo: number, hi: number): number {
    return Math.max(1, Math.round(this.rng.int(lo, hi) * this.scale));
  }

  /** A count as written: exact (278件), rounded with 余 (20余次) or with 约 (约300人). */
  q(n: number, unit: string): string {
    const r = this.rng.next();
    if (n < 20 || r < 0.65) return `${n}${unit}`;
    const step = n >= 1000 ? 100 : 10;
    const round = Math.max(step, Math.floor(n / step) * step);
    return r < 0.85 ? `${round}余${unit}` : `约${round}${unit}`;
  }

  /** A rate like 98.5% (or 100%). */
  pct(lo = 90, hi = 99.9): string {
    if (this.rng.chance(0.15)) return "100%";
    return `${this.rng.float(lo, hi, 1)}%`;
  }

  /** A small rate that is never 100%: 4.6%. */
  share(lo: number, hi: number): string {
    return `${this.rng.float(lo, hi, 1)}%`;
  }

  /** Money in 万元 with one or two decimals. */
  money(lo: number, hi: number): string {
    const v = this.rng.float(lo * this.scale, hi * this.scale, this.rng.chance(0.5) ? 1 : 2);
    return `${Math.max(0.1, v)}万元`;
  }
}

export interface MetricDef {
  key: string;
  topic: Topic;
  render(f: Figures): string;
}

export const METRICS: MetricDef[] = [
  // leadership and study
  { key: "专题学法", topic: "lead", render: (f) => `组织专题学法${f.n(4, 16)}次` },
  { key: "法治专题会议", topic: "lead", render: (f) => `召开法治建设专题会议${f.n(2, 8)}次` },
  { key: "学法考法参考率", topic: "lead", render: (f) => `国家工作人员学法考法参考率达${f.pct(97, 99.9)}` },
  { key: "旁听庭审", topic: "lead", render: (f) => `组织旁听庭审${f.n(1, 4)}次，参加干部${f.q(f.n(30, 220), "人次")}` },
  { key: "法治培训", topic: "lead", render: (f) => `举办法治培训班${f.n(2, 9)}期，培训干部${f.q(f.n(80, 900), "人次")}` },
  // decisions and legality review
  { key: "合同审查", topic: "decide", render: (f) => `审查各类合同${f.n(40, 320)}件` },
  { key: "规范性文件审查", topic: "decide", render: (f) => `审查规范性文件${f.n(2, 30)}件` },
  { key: "法律意见书", topic: "decide", render: (f) => `出具法律意见书${f.n(10, 140)}份` },
  { key: "重大行政决策", topic: "decide", render: (f) => `作出重大行政决策${f.n(1, 12)}项` },
  { key: "合法性审查率", topic: "decide", render: () => `重大行政决策合法性审查率达100%` },
  { key: "文件清理", topic: "decide", render: (f) => `清理规范性文件${f.n(10, 90)}件，宣布废止${f.n(1, 9)}件` },
  // law enforcement
  { key: "行政处罚案件", topic: "enforce", render: (f) => `办理行政处罚案件${f.n(30, 900)}起` },
  { key: "罚没款", topic: "enforce", render: (f) => `罚没款${f.money(5, 480)}` },
  { key: "联合执法检查", topic: "enforce", render: (f) => `开展联合执法检查${f.q(f.n(12, 260), "次")}` },
  { key: "出动执法人员", topic: "enforce", render: (f) => `出动执法人员${f.q(f.n(200, 6000), "人次")}` },
  { key: "执法培训", topic: "enforce", render: (f) => `组织执法人员业务培训${f.n(2, 12)}期` },
  { key: "执法案卷评查", topic: "enforce", render: (f) => `评查行政执法案卷${f.n(20, 240)}卷，合格率${f.pct(92, 99.9)}` },
  // openness and government services
  { key: "主动公开政府信息", topic: "open", render: (f) => `主动公开政府信息${f.n(60, 2400)}条` },
  { key: "依申请公开", topic: "open", render: (f) => `办理依申请公开${f.n(3, 160)}件` },
  { key: "12345工单", topic: "open", render: (f) => `办理12345热线工单${f.q(f.n(400, 26000), "件")}，按期办结率${f.pct(95, 99.9)}` },
  { key: "群众满意率", topic: "open", render: (f) => `群众满意率达${f.pct(92, 99.9)}` },
  { key: "政务服务事项", topic: "open", render: (f) => `办理政务服务事项${f.q(f.n(2000, 90000), "件")}` },
  { key: "网办率", topic: "open", render: (f) => `政务服务事项网上可办率达${f.pct(90, 99.9)}` },
  // business environment
  { key: "走访企业", topic: "business", render: (f) => `走访企业${f.q(f.n(30, 900), "家次")}` },
  { key: "企业诉求", topic: "business", render: (f) => `协调解决企业诉求${f.n(10, 260)}个` },
  { key: "新增市场主体", topic: "business", render: (f) => `新增市场主体${f.q(f.n(300, 12000), "户")}` },
  { key: "涉企检查", topic: "business", render: (f) => `涉企检查次数同比下降${f.share(8, 45)}` },
  // grassroots self-government under law
  { key: "村规民约", topic: "govern", render: (f) => `修订完善村规民约（居民公约）${f.n(5, 160)}份` },
  { key: "网格员", topic: "govern", render: (f) => `配备专兼职网格员${f.q(f.n(40, 1800), "人")}` },
  { key: "民主法治示范", topic: "govern", render: (f) => `创建省级以上民主法治示范村（社区）${f.n(1, 9)}个` },
  { key: "议事协商", topic: "govern", render: (f) => `开展议事协商${f.q(f.n(20, 600), "场")}` },
  // disputes and petitions
  { key: "排查矛盾纠纷", topic: "dispute", render: (f) => `排查矛盾纠纷${f.q(f.n(60, 1600), "起")}` },
  { key: "调处矛盾纠纷", topic: "dispute", render: (f) => `调处矛盾纠纷${f.n(40, 1400)}起` },
  { key: "调解成功率", topic: "dispute", render: (f) => `调解成功率${f.pct(93, 99.8)}` },
  { key: "协议金额", topic: "dispute", render: (f) => `涉及协议金额${f.money(8, 900)}` },
  { key: "接待来访", topic: "dispute", render: (f) => `接待群众来访${f.q(f.n(30, 900), "批次")}` },
  { key: "化解信访积案", topic: "dispute", render: (f) => `化解信访积案${f.n(2, 40)}件` },
  // reconsideration and litigation
  { key: "出庭应诉率", topic: "review", render: () => `行政机关负责人出庭应诉率达100%` },
  { key: "行政复议案件", topic: "review", render: (f) => `办理行政复议案件${f.n(3, 160)}件` },
  { key: "行政诉讼案件", topic: "review", render: (f) => `发生行政诉讼案件${f.n(2, 90)}件` },
  { key: "败诉", topic: "review", render: (f) => `行政诉讼败诉${f.n(1, 6)}件` },
  { key: "复议纠错", topic: "review", render: (f) => `复议纠错率${f.share(1, 12)}` },
  // legal education
  { key: "普法讲座", topic: "publicize", render: (f) => `开展普法讲座${f.n(6, 120)}场` },
  { key: "受众", topic: "publicize", render: (f) => `覆盖群众${f.q(f.n(300, 26000), "人")}` },
  { key: "宣传资料", topic: "publicize", render: (f) => `发放宣传资料${f.q(f.n(800, 60000), "份")}` },
  { key: "送法进村", topic: "publicize", render: (f) => `开展送法进村（社区）活动${f.q(f.n(10, 300), "次")}` },
  { key: "法律明白人人数", topic: "publicize", render: (f) => `培育农村学法用法骨干${f.n(20, 600)}名` },
  // public legal services
  { key: "法律咨询", topic: "legal", render: (f) => `受理法律咨询${f.n(80, 4200)}件` },
  { key: "法律援助案件", topic: "legal", render: (f) => `办理法律援助案件${f.n(10, 900)}件` },
  { key: "挽回经济损失", topic: "legal", render: (f) => `为群众挽回经济损失${f.money(6, 1200)}` },
  { key: "律师接访", topic: "legal", render: (f) => `律师参与接访${f.q(f.n(12, 300), "次")}` },
  { key: "公共法律服务站", topic: "legal", render: (f) => `建成公共法律服务工作站（室）${f.n(3, 60)}个` },
];
