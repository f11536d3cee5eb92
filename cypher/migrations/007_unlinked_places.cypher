// Place names the extractor could not link to a division code: their own label (never merged
// with a coded Jurisdiction), and in the full-text index so that search finds them.
CREATE CONSTRAINT unlinked_place_key IF NOT EXISTS FOR (u:UnlinkedPlace) REQUIRE u.key IS UNIQUE;
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Jurisdiction|Program|Law|LawFirm|Person|UnlinkedPlace) ON EACH [n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
