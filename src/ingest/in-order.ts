// Run-ahead in listing order: jobs start up to a window ahead of the one being taken, and their
// results come back in the order the jobs were listed, whichever finishes first. Both ingest paths
// use it, so that the graph a folder makes never depends on which file was read first.

/** Starts `start(i)` for i = 0 … count-1, at most `window` unfinished at once; yields results by i. */
export async function* inListingOrder<T>(count: number, window: number, start: (index: number) => Promise<T>): AsyncGenerator<T> {
  const inFlight = new Map<number, Promise<T>>();
  let next = 0;
  for (let taken = 0; taken < count; taken++) {
    while (next < count && inFlight.size < window) {
      inFlight.set(next, start(next));
      next++;
    }
    const result = await inFlight.get(taken)!;
    inFlight.delete(taken);
    yield result;
  }
}
