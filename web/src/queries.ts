// The GraphQL the explorer sends. Every list asks for a bounded page (`first`), so each query
// stays well inside the server's cost limits.
const MENTIONS = `totalCount edges { node { count report { id title year } evidence { sentence } } }`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 50) {
    score
    node {
      __typename id
      ... on Jurisdiction { name code level }
      ... on Program { name aliases }
      ... on Law { name }
      ... on LawFirm { name }
      ... on Person { name role }
      ... on UnlinkedPlace { name kind unlinkedLevel: level candidateCodes within { id name } }
    }
  }
}`;

export const ENTITY = `query Entity($id: ID!, $level: Level!, $within: String) {
  node(id: $id) {
    __typename id
    ... on Jurisdiction {
      code name level
      ancestors { id name }
      programs(first: 50) { totalCount edges { node { reports program { id name aliases } evidence { reportId year sentence } } } }
      reports(first: 50) { totalCount edges { node { id title year publisher publishedAt } } }
      lawFirms { lawFirm { id name } year reportId sentence }
      metrics(first: 50) { totalCount edges { node { key value unit qualifier year sentence } } }
      mentions(first: 30) { ${MENTIONS} }
    }
    ... on Program {
      key name aliases category
      jurisdictions(level: $level, within: $within, first: 100) { totalCount edges { node { jurisdiction { id code name } reports firstYear lastYear } } }
      mentions(first: 50) { ${MENTIONS} }
    }
    ... on Law { name aliases mentions(first: 50) { ${MENTIONS} } }
    ... on LawFirm {
      name
      advises { jurisdiction { id code name } year reportId sentence }
      lawyers { id name }
      mentions(first: 50) { ${MENTIONS} }
    }
    ... on Person { name role lawFirm { id name } mentions(first: 50) { ${MENTIONS} } }
    ... on Report { reportId title year publisher publishedAt subject { id code name } figures: metrics { key value unit qualifier sentence } }
  }
}`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int!, $first: Int!, $sentences: Boolean!) {
  neighborhood(id: $id, depth: $depth, first: $first) {
    truncated
    nodes { id type label depth level }
    edges { type source target sentence @include(if: $sentences) year }
  }
}`;

export const TIMELINE = `query Timeline($name: String!, $level: Level!, $within: String) {
  programTimeline(name: $name, level: $level, within: $within, first: 100) {
    totalCount
    edges { node { jurisdiction { id code name } firstYear years { year reports } } }
  }
}`;

export const RECURRING = `query Recurring($level: Level!, $within: String, $year: Int, $min: Int!) {
  recurringPrograms(level: $level, within: $within, year: $year, minJurisdictions: $min, first: 100) {
    totalCount
    edges { node { program { id name } jurisdictionCount jurisdictions { id name code } firstYear lastYear } }
  }
}`;

export const FIGURES = `query Figures($key: String!, $year: Int) {
  metrics(key: $key, year: $year, first: 100) {
    totalCount
    edges { node { key value unit qualifier year sentence jurisdiction { id code name } report { id title } } }
  }
}`;
