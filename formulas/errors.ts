import * as coda from "@codahq/packs-sdk";
import {isInputError} from "../src/engine/errors";

/**
 * The one error hook every formula shares: bad input found by the engine becomes
 * a message the user sees; anything else is a defect and is re-thrown as is.
 */
export function handleError(error: unknown): never {
  if (isInputError(error)) throw new coda.UserVisibleError(error.message);
  throw error;
}
