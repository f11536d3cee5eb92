// The explorer: a hash router over five views, each a client of the public GraphQL API.
import { h } from "./dom.js";
import { markComplete, markReady, resetMarks } from "./marks.js";
import { renderEntity } from "./entity.js";
import { renderFigures } from "./figures.js";
import { renderRecurring } from "./recurring.js";
import { currentRoute, href } from "./route.js";
import { renderSearch } from "./search.js";

const view = document.getElementById("view")!;
let renders = 0;

/** Renders the view the URL names; a newer navigation makes an older render drop its result. */
async function render(): Promise<void> {
  const token = ++renders;
  const isCurrent = () => token === renders;
  const route = currentRoute();
  const hash = location.hash;
  resetMarks();
  document.title = "kg-reports explorer";
  try {
    switch (route.path[0]) {
      case "e":
        await renderEntity(view, route, isCurrent);
        break;
      case "recurring":
        await renderRecurring(view, route, isCurrent);
        break;
      case "figures":
        await renderFigures(view, route, isCurrent);
        break;
      default:
        await renderSearch(view, route, isCurrent);
    }
  } catch (error) {
    if (isCurrent()) view.replaceChildren(h("p", { class: "error" }, error instanceof Error ? error.message : String(error)));
    if (isCurrent()) markComplete();
  }
  if (isCurrent()) {
    markReady(hash);
    // Entity pages mark themselves complete once what they load afterwards is drawn.
    if (route.path[0] !== "e") markComplete();
  }
}

document.getElementById("search-form")!.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = (document.getElementById("search") as HTMLInputElement).value.trim();
  location.hash = href(["search"], { q: text });
});
window.addEventListener("hashchange", () => void render());
void render();
