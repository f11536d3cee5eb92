// Web pages → the article's text, its title, <meta> publication date and canonical URL.
//
// Main content: page furniture (navigation, headers, footers, sidebars, scripts, forms) is
// removed by tag, ARIA role and class/id; then the block holding most of the page's sentence
// text is taken, widened to its container while that adds little (the headline and the
// 发布时间 line sit just above the body); link lists inside it are skipped.
import { parseDocument } from "htmlparser2";
import { isTag, isText, type AnyNode, type Document, type Element } from "domhandler";
import { findAll, findOne, getAttributeValue, removeElement, textContent } from "domutils";
import { decodeText } from "./decode-text.js";
import { checkHasText, emptySource, type ReportDocument } from "./document.js";

const DROPPED_TAGS = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
  "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "head", "map",
]);
const DROPPED_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog)$/i;
const FURNITURE = /nav|menu|top-?bar|top-?nav|sidebar|side-?bar|footer|foot|header|head-?top|topbar|breadcrumb|crumb|location|share|comment|related|relate|copyright|banner|toolbar|login|search|advert|friend-?link|links|qrcode|print|close/i;
const CONTENT = /article|content|main|text|zoom|detail|post|body/i;
const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody",
  "thead", "tr", "td", "th", "blockquote", "pre", "dl", "dt", "dd", "center", "figure", "figcaption", "address", "hr",
]);
/** Sentence punctuation: text with it is report prose, not a menu item. */
const SENTENCE = /[。，；：！？、,;]/;
const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
/** A space between two CJK characters comes from a line break in the HTML source, not the text. */
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, "g");

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]! : null;
}

function isDropped(el: Element): boolean {
  if (DROPPED_TAGS.has(el.name)) return true;
  const role = el.attribs.role;
  if (role && DROPPED_ROLES.test(role)) return true;
  const style = el.attribs.style;
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (el.attribs.hidden !== undefined || el.attribs["aria-hidden"] === "true") return true;
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  return FURNITURE.test(names) && !CONTENT.test(names);
}

function removeFurniture(node: Document | Element): void {
  for (const child of [...node.children]) {
    if (!isTag(child)) continue;
    if (isDropped(child)) removeElement(child);
    else removeFurniture(child);
  }
}

const insideLink = (node: AnyNode): boolean => {
  for (let p = node.parent; p; p = p.parent) if (isTag(p) && p.name === "a") return true;
  return false;
};

interface Weight {
  /** characters of prose (text nodes with sentence punctuation, outside links) */
  prose: number;
  /** characters of any text outside links */
  plain: number;
  /** characters of link text */
  links: number;
}

function weigh(node: AnyNode, weights: Map<AnyNode, Weight>): Weight {
  const w: Weight = { prose: 0, plain: 0, links: 0 };
  if (isText(node)) {
    const length = node.data.replace(/\s+/g, "").length;
    if (insideLink(node)) w.links = length;
    else {
      w.plain = length;
      if (SENTENCE.test(node.data) || length >= 40) w.prose = length;
    }
  } else if (isTag(node) || node.type === "root") {
    for (const child of (node as Element).children) {
      const c = weigh(child, weights);
      w.prose += c.prose;
      w.plain += c.plain;
      w.links += c.links;
    }
  }
  weights.set(node, w);
  return w;
}

/**
 * The smallest element holding most of the prose; widened to take in the page's headline (and
 * the 发布时间 line beside it) when that adds little else.
 */
function mainContent(root: Element, weights: Map<AnyNode, Weight>): Element {
  const total = weights.get(root)!.prose;
  let best = root;
  for (;;) {
    const next = best.children.find((c): c is Element => isTag(c) && weights.get(c)!.prose >= 0.7 * total);
    if (!next) break;
    best = next;
  }
  const headline = findOne((e) => e.name === "h1", root.children) ?? findOne((e) => e.name === "h2", root.children);
  if (!headline) return best;
  let widened = best;
  while (widened !== root && !isAncestor(widened, headline)) widened = widened.parent as Element;
  const added = weights.get(widened)!.plain - weights.get(best)!.plain;
  return added <= Math.max(300, 0.3 * weights.get(best)!.plain) ? widened : best;
}

function isAncestor(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Text of a block, one paragraph a line, blank lines between them as in the plain-text reports. */
function blockText(root: Element, weights: Map<AnyNode, Weight>): string {
  const out: string[] = [];
  let line = "";
  const endLine = () => {
    const cleaned = line
      .replace(/[ \t\r\n\f\u00a0]+/g, " ")
      .replace(SPACE_IN_CJK, "")
      .trim();
    if (cleaned) out.push(cleaned);
    line = "";
  };
  const visit = (node: AnyNode) => {
    if (isText(node)) {
      line += node.data;
      return;
    }
    if (!isTag(node)) return;
    if (node.name === "br") return endLine();
    const block = BLOCK_TAGS.has(node.name);
    const w = weights.get(node);
    // A list of links inside the article (上一篇/下一篇, 相关链接) is not report text.
    if (block && w && w.links > 0 && w.links > 2 * w.plain) return;
    if (block) endLine();
    for (const child of node.children) visit(child);
    if (block) endLine();
  };
  visit(root);
  endLine();
  return out.join("\n\n");
}

/** The page's <meta> values by lower-cased name, property or itemprop (the first of each). */
function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of findAll((e) => e.name === "meta", doc.children)) {
    const content = getAttributeValue(el, "content")?.trim();
    if (!content) continue;
    for (const key of [el.attribs.name, el.attribs.property, el.attribs.itemprop]) {
      if (key && !values.has(key.toLowerCase())) values.set(key.toLowerCase(), content);
    }
  }
  return values;
}

const firstOf = (values: Map<string, string>, ...names: string[]): string | null => {
  for (const name of names) if (values.has(name)) return values.get(name)!;
  return null;
};

/** yyyy-mm-dd from the date forms pages use (2023-01-13, 2023/1/13 09:00, 2023年1月13日, ISO with time). */
export function isoDate(value: string | null): string | null {
  const m = value && /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function readHtml(bytes: Uint8Array, name: string): ReportDocument {
  const { text: html, encoding } = decodeText(bytes, name, declaredCharset(bytes));
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });

  const metas = metaValues(doc);
  const pageTitle = findOne((e) => e.name === "title", doc.children);
  const title = firstOf(metas, "og:title", "articletitle") ?? (pageTitle ? textContent(pageTitle).trim() || null : null);
  const publishedAt = isoDate(
    firstOf(metas, "article:published_time", "pubdate", "publishdate", "publish-date", "publication_date", "datepublished", "dc.date", "dcterms.created", "dc.date.created", "date"),
  );
  const canonicalLink = findAll((e) => e.name === "link" && /(^|\s)canonical(\s|$)/i.test(e.attribs.rel ?? ""), doc.children)[0];
  const canonicalUrl = (canonicalLink && getAttributeValue(canonicalLink, "href")?.trim()) || firstOf(metas, "og:url");

  const body = findOne((e) => e.name === "body", doc.children) ?? findOne((e) => e.name === "html", doc.children);
  let text = "";
  if (body) {
    removeFurniture(body);
    const weights = new Map<AnyNode, Weight>();
    weigh(body, weights);
    text = blockText(mainContent(body, weights), weights);
  }
  // A body without its headline loses the report's title line: put the page's headline first.
  const headline = findOne((e) => e.name === "h1", doc.children);
  const heading = (headline ? textContent(headline) : title?.split(/[_|｜]| [-–—] /)[0])?.replace(/\s+/g, "");
  if (heading && !text.slice(0, 400).replace(/\s+/g, "").includes(heading)) text = `${heading}\n\n${text}`;

  const source = { ...emptySource("html"), encoding, title, publishedAt, canonicalUrl: canonicalUrl || null };
  return { text: checkHasText(text, name), source };
}
