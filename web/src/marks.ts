// Marks on <body> that tests and bench:ui wait for: "ready" when a view's data is drawn,
// "complete" when what it loads after that (a programme's timeline) is drawn too.
type Timed = Window & { renderedAt?: number; completedAt?: number };

export function resetMarks(): void {
  document.body.dataset.ready = "0";
  document.body.dataset.complete = "0";
}

export function markReady(): void {
  document.body.dataset.ready = "1";
  (window as Timed).renderedAt = performance.now();
}

export function markComplete(): void {
  document.body.dataset.complete = "1";
  (window as Timed).completedAt = performance.now();
}
