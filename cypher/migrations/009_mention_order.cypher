// The reports that mention an entity, newest first, read page by page from an index instead of
// sorting every mention: each MENTIONS holds the mentioned entity's key (a place's code), minus its
// report's year (0 for none) and its report's id, and one index holds the three in that order.
// The writer and kg import write them with each MENTIONS; this sets them on mentions written before.
MATCH (r:Report)-[m:MENTIONS]->(e) WHERE m.report IS NULL
CALL (r, m, e) {
  SET m.target = coalesce(e.key, e.code), m.newest = -coalesce(r.year, 0.0), m.report = r.id
} IN TRANSACTIONS OF 10000 ROWS;
CREATE INDEX mentions_newest IF NOT EXISTS FOR ()-[m:MENTIONS]-() ON (m.target, m.newest, m.report);
