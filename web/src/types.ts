// Entity kinds as the API names them, with the colours the graph and badges use.
export type EntityType = "Jurisdiction" | "Program" | "Law" | "LawFirm" | "Person" | "Report";

export const TYPE_INFO: Record<EntityType, { label: string; color: string }> = {
  Jurisdiction: { label: "Place 地区", color: "#2b7a4b" },
  Program: { label: "Programme 项目", color: "#c2571a" },
  Law: { label: "Law 法律", color: "#7a3fb0" },
  LawFirm: { label: "Law firm 律所", color: "#1f6fb2" },
  Person: { label: "Person 人员", color: "#b2306b" },
  Report: { label: "Report 报告", color: "#7d8799" },
};

export const LEVELS = ["PROVINCE", "CITY", "DISTRICT", "TOWNSHIP", "COMMUNITY"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABEL: Record<Level, string> = {
  PROVINCE: "province 省",
  CITY: "city 市",
  DISTRICT: "district 区县",
  TOWNSHIP: "township 乡镇街道",
  COMMUNITY: "community 村社区",
};
