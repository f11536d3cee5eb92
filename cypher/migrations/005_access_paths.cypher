// Every property a read statement finds or filters by has an index (docs/graph-model.md, Indexes),
// so that a question costs what its answer holds, not what the graph holds.
// Reports by the roll-up code of their subject at each level (district and subject are in 002/003).
CREATE INDEX report_province IF NOT EXISTS FOR (r:Report) ON (r.provinceCode);
CREATE INDEX report_city IF NOT EXISTS FOR (r:Report) ON (r.cityCode);
CREATE INDEX report_township IF NOT EXISTS FOR (r:Report) ON (r.townshipCode);
// Places by the codes of their ancestors (district and city are in 002).
CREATE INDEX jurisdiction_province IF NOT EXISTS FOR (j:Jurisdiction) ON (j.provinceCode);
CREATE INDEX jurisdiction_township IF NOT EXISTS FOR (j:Jurisdiction) ON (j.townshipCode);
// Figures by part of their key phrase (CONTAINS) and by year.
CREATE TEXT INDEX metric_key_text IF NOT EXISTS FOR (m:Metric) ON (m.key);
CREATE INDEX metric_year IF NOT EXISTS FOR (m:Metric) ON (m.year);
CREATE INDEX law_name IF NOT EXISTS FOR (l:Law) ON (l.name);
// Aliases of programmes and laws as lookup nodes: a list property cannot be indexed by element.
CREATE CONSTRAINT program_alias_name IF NOT EXISTS FOR (a:ProgramAlias) REQUIRE a.name IS UNIQUE;
CREATE CONSTRAINT law_alias_name IF NOT EXISTS FOR (a:LawAlias) REQUIRE a.name IS UNIQUE;
MATCH (p:Program) UNWIND coalesce(p.aliases, []) AS alias MERGE (a:ProgramAlias {name: alias}) MERGE (a)-[:NAMES]->(p);
MATCH (l:Law) UNWIND coalesce(l.aliases, []) AS alias MERGE (a:LawAlias {name: alias}) MERGE (a)-[:NAMES]->(l);
