// Real national laws, regulations and central documents reports cite, with the first year
// a report could cite them (a law passed in 2021 does not appear in a 2019 report).
import type { Rng } from "./rng.js";

export interface LawRef {
  title: string;
  /** first report year that may cite it */
  from: number;
  /** last report year that may cite it (superseded documents) */
  to?: number;
}

const PRC = "中华人民共和国";

export const LAWS: LawRef[] = [
  { title: `《${PRC}宪法》`, from: 2019 },
  { title: `《${PRC}民法典》`, from: 2020 },
  { title: `《${PRC}行政复议法》`, from: 2019 },
  { title: `《${PRC}行政诉讼法》`, from: 2019 },
  { title: `《${PRC}行政处罚法》`, from: 2019 },
  { title: `《${PRC}行政许可法》`, from: 2019 },
  { title: `《${PRC}行政强制法》`, from: 2019 },
  { title: `《${PRC}国家赔偿法》`, from: 2019 },
  { title: `《${PRC}政府信息公开条例》`, from: 2019 },
  { title: `《${PRC}人民调解法》`, from: 2019 },
  { title: `《${PRC}法律援助法》`, from: 2021 },
  { title: `《${PRC}公职人员政务处分法》`, from: 2020 },
  { title: `《${PRC}监察法》`, from: 2019 },
  { title: `《${PRC}安全生产法》`, from: 2019 },
  { title: `《${PRC}土地管理法》`, from: 2019 },
  { title: `《${PRC}环境保护法》`, from: 2019 },
  { title: `《${PRC}食品安全法》`, from: 2019 },
  { title: `《${PRC}消防法》`, from: 2019 },
  { title: `《${PRC}未成年人保护法》`, from: 2019 },
  { title: `《${PRC}妇女权益保障法》`, from: 2019 },
  { title: `《${PRC}个人信息保护法》`, from: 2021 },
  { title: `《${PRC}数据安全法》`, from: 2021 },
  { title: `《${PRC}家庭教育促进法》`, from: 2021 },
  { title: `《${PRC}乡村振兴促进法》`, from: 2021 },
  { title: `《${PRC}反电信网络诈骗法》`, from: 2022 },
  { title: `《${PRC}反有组织犯罪法》`, from: 2022 },
  { title: `《${PRC}噪声污染防治法》`, from: 2022 },
  { title: `《${PRC}国家安全法》`, from: 2019 },
  { title: `《${PRC}道路交通安全法》`, from: 2019 },
  { title: `《${PRC}禁毒法》`, from: 2019 },
  { title: "《优化营商环境条例》", from: 2020 },
  { title: "《重大行政决策程序暂行条例》", from: 2019 },
  { title: "《信访工作条例》", from: 2022 },
  { title: "《保障农民工工资支付条例》", from: 2020 },
  { title: "《法治政府建设实施纲要(2015-2020年)》", from: 2019, to: 2020 },
  { title: "《法治政府建设实施纲要(2021-2025年)》", from: 2021 },
  { title: "《法治社会建设实施纲要(2020-2025年)》", from: 2021 },
  { title: "《法治中国建设规划(2020-2025年)》", from: 2021 },
];

/** The central plan a year's report is written against. */
export function outline(year: number): string {
  return year >= 2021 ? "《法治政府建设实施纲要(2021-2025年)》" : "《法治政府建设实施纲要(2015-2020年)》";
}

export function lawsFor(year: number): LawRef[] {
  return LAWS.filter((l) => year >= l.from && (l.to === undefined || year <= l.to));
}

export function pickLaws(rng: Rng, year: number, k: number): string[] {
  return rng.sample(lawsFor(year), k).map((l) => l.title);
}
