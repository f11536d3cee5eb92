// National programmes written the way reports write them, used when data/programs.json is
// missing or unreadable. Ordered roughly by how often reports mention them, which the
// Zipf draw turns into frequency. Categories match data/programs.json's.
export interface FallbackProgram {
  name: string;
  category: string;
  surfaces: string[];
}

export const FALLBACK_PROGRAMS: FallbackProgram[] = [
  { name: "八五普法", category: "普法", surfaces: ["“八五”普法", "“八五”普法规划"] },
  { name: "枫桥经验", category: "基层治理", surfaces: ["新时代“枫桥经验”", "“枫桥经验”"] },
  { name: "谁执法谁普法", category: "普法", surfaces: ["“谁执法谁普法”", "“谁执法谁普法”普法责任制"] },
  { name: "行政执法三项制度", category: "执法", surfaces: ["行政执法三项制度", "行政执法“三项制度”"] },
  { name: "放管服", category: "政务服务", surfaces: ["“放管服”改革", "“放管服”"] },
  { name: "12345热线", category: "政务服务", surfaces: ["12345热线", "12345政务服务便民热线"] },
  { name: "一网通办", category: "政务服务", surfaces: ["“一网通办”", "政务服务“一网通办”"] },
  { name: "法律明白人", category: "普法", surfaces: ["“法律明白人”", "农村“法律明白人”"] },
  { name: "最多跑一次", category: "政务服务", surfaces: ["“最多跑一次”改革", "“最多跑一次”"] },
  { name: "双随机、一公开", category: "执法", surfaces: ["“双随机、一公开”", "“双随机、一公开”监管"] },
  { name: "扫黑除恶", category: "专项行动", surfaces: ["扫黑除恶专项斗争", "扫黑除恶常态化"] },
  { name: "一村(社区)一法律顾问", category: "法律服务", surfaces: ["“一村（社区）一法律顾问”", "一村一法律顾问"] },
  { name: "民主法治村", category: "普法", surfaces: ["“民主法治示范村（社区）”", "民主法治示范村"] },
  { name: "七五普法", category: "普法", surfaces: ["“七五”普法", "“七五”普法规划"] },
  { name: "三重一大", category: "决策监督", surfaces: ["“三重一大”", "“三重一大”事项集体决策制度"] },
  { name: "一网统管", category: "政务服务", surfaces: ["“一网统管”"] },
  { name: "诉源治理", category: "矛盾化解", surfaces: ["诉源治理"] },
  { name: "以案释法", category: "普法", surfaces: ["以案释法", "“以案释法”"] },
  { name: "会前学法", category: "普法", surfaces: ["会前学法制度", "常务会议会前学法"] },
  { name: "述职述法", category: "普法", surfaces: ["述职述法", "年终述职述法"] },
  { name: "证明事项告知承诺制", category: "政务服务", surfaces: ["证明事项告知承诺制"] },
  { name: "跨省通办", category: "政务服务", surfaces: ["“跨省通办”"] },
  { name: "互联网+政务服务", category: "政务服务", surfaces: ["“互联网+政务服务”"] },
  { name: "好差评", category: "政务服务", surfaces: ["政务服务“好差评”"] },
  { name: "首违不罚", category: "执法", surfaces: ["“首违不罚”", "“首违不罚”清单"] },
  { name: "包容审慎监管", category: "执法", surfaces: ["包容审慎监管"] },
  { name: "综合行政执法体制改革", category: "执法", surfaces: ["综合行政执法体制改革"] },
  { name: "大调解", category: "矛盾化解", surfaces: ["“大调解”工作格局", "大调解格局"] },
  { name: "诉调对接", category: "矛盾化解", surfaces: ["诉调对接", "“诉调对接”"] },
  { name: "三治融合", category: "基层治理", surfaces: ["自治、法治、德治“三治融合”", "“三治融合”"] },
  { name: "雪亮工程", category: "基层治理", surfaces: ["“雪亮工程”"] },
  { name: "法治进校园", category: "普法", surfaces: ["“法治进校园”"] },
  { name: "宪法进万家", category: "普法", surfaces: ["“宪法进万家”"] },
  { name: "法治副校长", category: "普法", surfaces: ["法治副校长"] },
  { name: "河长制", category: "生态治理", surfaces: ["河长制"] },
  { name: "12348热线", category: "法律服务", surfaces: ["12348公共法律服务热线"] },
  { name: "府院联动", category: "矛盾化解", surfaces: ["府院联动机制"] },
  { name: "公平竞争审查", category: "营商环境", surfaces: ["公平竞争审查制度"] },
  { name: "打击治理电信网络诈骗", category: "专项行动", surfaces: ["打击治理电信网络诈骗专项行动"] },
  { name: "基层立法联系点", category: "基层治理", surfaces: ["基层立法联系点"] },
  { name: "一件事一次办", category: "政务服务", surfaces: ["“一件事一次办”"] },
  { name: "法治体检", category: "法律服务", surfaces: ["“法治体检”"] },
];
