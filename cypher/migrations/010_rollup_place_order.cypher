// A programme's places at one level and year, read in code order from an index and stopped at the
// page: with the code last in the index (and the reads asking for it to exist, which a composite
// index needs), a page of program.jurisdictions reads its own rows, not every place of that level
// whose reports mention the programme (2,741 districts for the busiest programme at 100,000
// reports), which it then sorted. Roll-ups change their counts, never these four properties, so
// the index costs the writer nothing after a roll-up is made.
CREATE INDEX program_rollup_program_places IF NOT EXISTS FOR (x:ProgramRollup) ON (x.program, x.level, x.year, x.code);
