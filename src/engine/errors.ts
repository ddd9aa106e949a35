/**
 * The engine is pure TypeScript with no SDK imports. It reports bad input with
 * InputError; the pack's formula adapters turn it into a coda.UserVisibleError.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export function fail(message: string): never {
  throw new InputError(message);
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === "InputError";
}
