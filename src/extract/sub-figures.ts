// Figures stated as part of the one before them: 办理法律援助案件320件，其中刑事案件85件、民事案件60件.
// The extractor drops 其中 from the key phrase (a leading filler) and keeps no mark of it, so this
// reads the figure's evidence sentence: sums must leave such a part out, or it is counted twice.

/** Where one clause ends and the next begins (sentences are stored with ASCII punctuation, both are accepted). */
const CLAUSE_BREAK = /[,，;；:：。!！?？]/;
/** Where what 其中 opened ends: a semicolon or the sentence's end. */
const LIST_END = /[;；。!！?？]/;
const OF_WHICH = "其中";

/**
 * Whether the figure named `key`, written `written` (value and unit as in the text), is stated
 * as part of one before it: its clause opens with 其中 (…，其中刑事案件85件、民事案件60件), or it
 * follows a bare 其中 that opens a list (…，其中：不予受理3件，撤销2件；). False when the figure
 * cannot be found in the sentence (a long sentence is stored cut short): it is then summed.
 */
export function isStatedAsPart(sentence: string, key: string, written: string): boolean {
  const at = locate(sentence, key, written);
  if (at < 0) return false;
  let clauseStart = at;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(sentence[clauseStart - 1]!)) clauseStart--;
  if (sentence.slice(clauseStart, at).trimStart().startsWith(OF_WHICH)) return true;
  // earlier clauses up to a semicolon: is one of them a bare 其中 opening a list?
  for (let end = clauseStart - 1; end > 0 && !LIST_END.test(sentence[end]!); ) {
    let start = end;
    while (start > 0 && !CLAUSE_BREAK.test(sentence[start - 1]!)) start--;
    if (sentence.slice(start, end).trim() === OF_WHICH) return true;
    end = start - 1;
  }
  return false;
}

/** The start of the figure's key phrase: the occurrence followed closely by the figure as written, else the first one. */
function locate(sentence: string, key: string, written: string): number {
  if (!key) return sentence.indexOf(written);
  let first = -1;
  for (let at = sentence.indexOf(key); at >= 0; at = sentence.indexOf(key, at + 1)) {
    if (first < 0) first = at;
    const figureAt = sentence.indexOf(written, at + key.length);
    if (figureAt >= 0 && figureAt - (at + key.length) <= 8) return at;
  }
  return first >= 0 ? first : sentence.indexOf(written);
}
