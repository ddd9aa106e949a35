import * as coda from "@codahq/packs-sdk";
import {okrFormulas} from "../formulas/okr";

/**
 * Leadership OS. This file only registers building blocks; each lives in its own
 * module under formulas/ and schemas/, and the logic in src/engine/.
 */
export const pack = coda.newPack();
pack.setVersion("0.1.0");

for (const formula of okrFormulas) pack.formulas.push(formula);
