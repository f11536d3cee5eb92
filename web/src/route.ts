// The URL holds the view's state (#/path?params), so every view can be bookmarked and shared.
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const [path = "", query = ""] = hash.split("?", 2) as [string?, string?];
  return { path: path.split("/").filter(Boolean), params: new URLSearchParams(query) };
}

/** A hash link; params with empty values are left out. */
export function href(path: string[], params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") query.set(k, String(v));
  const tail = query.toString();
  return `#/${path.map(encodeURIComponent).join("/")}${tail ? `?${tail}` : ""}`;
}

export const entityHref = (id: string, params: Record<string, string | number | null | undefined> = {}) => href(["e", id], params);

/** Replaces some params of the current view (a new history entry, so Back undoes a filter). */
export function updateParams(changes: Record<string, string | number | null | undefined>): void {
  const { path, params } = currentRoute();
  const merged: Record<string, string> = Object.fromEntries(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") delete merged[k];
    else merged[k] = String(v);
  }
  location.hash = href(path, merged);
}
