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

let exitCode = 0;

/** An action reports its result here; runCli (src/cli/program.ts) returns it as the exit code. */
export function exitWith(code: number): void {
  exitCode = code;
}

/** The code the last action reported (0 when none did), and reset for the next run. */
export function takeExitCode(): number {
  const code = exitCode;
  exitCode = 0;
  return code;
}
