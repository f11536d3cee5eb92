// search(text): one full-text index over every entity's name and aliases. The CJK analyzer
// indexes Chinese as overlapping character pairs, so 枫桥 finds 新时代枫桥经验.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Jurisdiction|Program|Law|LawFirm|Person) ON EACH [n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE INDEX program_name IF NOT EXISTS FOR (p:Program) ON (p.name);
CREATE INDEX law_firm_name IF NOT EXISTS FOR (f:LawFirm) ON (f.name);
CREATE INDEX report_district IF NOT EXISTS FOR (r:Report) ON (r.districtCode);
CREATE INDEX report_subject IF NOT EXISTS FOR (r:Report) ON (r.subjectCode);
