// Figures compare by kind (data/metric-kinds.json) in their base unit (万/亿 multiplied out).
// compareMetrics finds the figures of a kind through this index.
CREATE INDEX metric_kind IF NOT EXISTS FOR (m:Metric) ON (m.kind);
// Figures written before: the base value and unit from the unit as written (a leading 万 or 亿 is
// a multiplier); their kind is set when their report is ingested again.
MATCH (m:Metric) WHERE m.baseUnit IS NULL
SET m.baseValue = CASE WHEN size(m.unit) > 1 AND left(m.unit, 1) = '万' THEN m.value * 10000
                       WHEN size(m.unit) > 1 AND left(m.unit, 1) = '亿' THEN m.value * 100000000
                       ELSE m.value END,
    m.baseUnit = CASE WHEN size(m.unit) > 1 AND left(m.unit, 1) IN ['万', '亿'] THEN substring(m.unit, 1) ELSE m.unit END;
