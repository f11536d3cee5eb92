// Shared pieces of the command line: option parsers that check bounds before any work starts.
import { InvalidArgumentError } from "commander";

/** A parser for a whole-number option within [min, max]; commander reports a bad value in one line. */
export function wholeNumber(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return value;
  };
}

/** Actions report their result as the process's exit code; the program exits when its work is done. */
export function exitWith(code: number): void {
  process.exitCode = code;
}
