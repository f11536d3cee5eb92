// A small element builder and the evidence highlighter.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (name === "class") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * The sentence with every occurrence of the terms (a name and its aliases) marked; the longest
 * term wins where two overlap.
 */
export function highlight(sentence: string, terms: readonly string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const wanted = [...new Set(terms.filter((t) => t && t.length >= 2))].sort((a, b) => b.length - a.length);
  let at = 0;
  while (at < sentence.length) {
    let next = -1;
    let term = "";
    for (const t of wanted) {
      const i = sentence.indexOf(t, at);
      if (i >= 0 && (next < 0 || i < next || (i === next && t.length > term.length))) {
        next = i;
        term = t;
      }
    }
    if (next < 0) break;
    fragment.append(sentence.slice(at, next), h("mark", {}, term));
    at = next + term.length;
  }
  fragment.append(sentence.slice(at));
  return fragment;
}

export function clear(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
}
