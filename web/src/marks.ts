// Marks on <body> that tests and bench:ui wait for: "ready" when a view's data is drawn,
// "complete" when what it loads after that (a programme's timeline) is drawn too, and "view":
// the address that view was drawn for. A new address shows before its hashchange is handled, so
// a waiter checks "view" against it rather than trust a "ready" left by the view before.
type Timed = Window & { renderedAt?: number; completedAt?: number };

export function resetMarks(): void {
  document.body.dataset.ready = "0";
  document.body.dataset.complete = "0";
}

/** hash: location.hash when the view's render began */
export function markReady(hash: string): void {
  document.body.dataset.ready = "1";
  document.body.dataset.view = hash;
  (window as Timed).renderedAt = performance.now();
}

export function markComplete(): void {
  document.body.dataset.complete = "1";
  (window as Timed).completedAt = performance.now();
}
