import Ajv from "ajv";
import type {ValidateFunction} from "ajv";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";

/**
 * Validates the emulator's responses against the Superhuman Docs API subset spec
 * (emulator/spec/docs-api-subset.openapi.json). The spec is not valid
 * strict JSON Schema as published, so the relaxations the API reference lists
 * are applied: oneOf becomes anyOf (the value unions overlap), schemas used as
 * allOf parts lose additionalProperties: false (else extended objects could
 * never match), the discriminator is dropped (its mapping is incomplete),
 * Table no longer requires the viewId it never defines, MutationStatus's
 * warning may be null, as the real service sends it, and createDoc may answer
 * 404 for a source doc the caller cannot open, as every operation does for
 * such a doc (the spec lists no 404 for it). As recorded traffic shows, an
 * error body may carry codaType and codaDetail besides its three fields, and
 * every operation that takes a pageToken may answer 400 for one it refuses.
 */

/** The spec lives in the project (emulator/spec/, with its origin); DOCS_API_SPEC points elsewhere. */
export const SpecPath = process.env.DOCS_API_SPEC ?? join(__dirname, "spec", "docs-api-subset.openapi.json");

type Json = Record<string, unknown>;

function relax(spec: Json): Json {
  const schemas = (spec.components as Json).schemas as Record<string, Json>;
  const allOfRefs = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const obj = node as Json;
    if (Array.isArray(obj.oneOf)) {
      obj.anyOf = obj.oneOf;
      delete obj.oneOf;
    }
    delete obj.discriminator;
    if (Array.isArray(obj.allOf)) {
      for (const part of obj.allOf as Json[]) {
        if (typeof part.$ref === "string") allOfRefs.add(part.$ref.split("/").pop()!);
        else delete part.additionalProperties;
      }
    }
    Object.values(obj).forEach(walk);
  };
  walk(spec);
  for (const name of allOfRefs) delete schemas[name].additionalProperties;
  const table = schemas.Table;
  table.required = (table.required as string[]).filter(r => r !== "viewId");
  const warning = (schemas.MutationStatus.properties as Record<string, Json>).warning;
  warning.type = ["string", "null"];
  const paths = spec.paths as Record<string, Record<string, Json> | undefined>;
  const createDoc = paths["/docs"]?.post;
  if (createDoc) (createDoc.responses as Json)["404"] = {$ref: "#/components/responses/NotFoundError"};
  for (const response of Object.values((spec.components as Json).responses as Record<string, Json>)) {
    const properties = (((response.content as Json)["application/json"] as Json).schema as Json).properties as Json;
    properties.codaType = {type: "string"};
    properties.codaDetail = {type: "object"};
  }
  for (const op of Object.values(paths).flatMap(item => Object.values(item ?? {}))) {
    const paged =
      Array.isArray(op.parameters) &&
      (op.parameters as Json[]).some(p => p.$ref === "#/components/parameters/pageToken");
    if (paged) (op.responses as Json)["400"] ??= {$ref: "#/components/responses/BadRequestError"};
  }
  return spec;
}

export interface Violation {
  operation: string;
  status: number;
  errors: string;
}

/** The validators built so far, by spec path: parsing the spec and building ajv is done once a process. */
const built = new Map<string, SpecValidator>();

export class SpecValidator {
  /** The validator for a spec, built on first use and shared by every emulator after. */
  static shared(path = SpecPath): SpecValidator {
    let validator = built.get(path);
    if (!validator) built.set(path, (validator = new SpecValidator(path)));
    return validator;
  }

  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly spec: Json;

  constructor(path = SpecPath) {
    if (!existsSync(path)) {
      throw new Error(
        `The Docs API OpenAPI spec is not at ${path}. Put docs-api-subset.openapi.json there, or set DOCS_API_SPEC to its path.`,
      );
    }
    this.spec = relax(JSON.parse(readFileSync(path, "utf8")) as Json);
    this.ajv = new Ajv({strict: false, allErrors: true});
    this.ajv.addFormat("url", s => /^https?:\/\/\S+$/.test(s));
    this.ajv.addFormat("date-time", s => !Number.isNaN(Date.parse(s)));
    this.ajv.addFormat("email", s => /^[^@\s]+@[^@\s]+$/.test(s));
    this.ajv.addSchema({components: this.spec.components} as Json, "spec");
  }

  /** The operationId whose path template matches, for a method and API path. */
  operationFor(method: string, path: string): {id: string; template: string} | undefined {
    const paths = this.spec.paths as Record<string, Record<string, Json>>;
    for (const [template, item] of Object.entries(paths)) {
      const pattern = new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$");
      const op = item[method.toLowerCase()];
      if (op && pattern.test(path)) return {id: op.operationId as string, template};
    }
    return undefined;
  }

  /** Errors in a response body, or undefined when it matches the spec. */
  check(method: string, path: string, status: number, body: unknown): string | undefined {
    const op = this.operationFor(method, path);
    if (!op) return `No operation in the spec for ${method} ${path}`;
    const key = `${op.template} ${method} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const ptr = `spec#/paths/${op.template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}/responses/${status}`;
      const response = this.resolve(ptr.slice(4));
      if (!response) return `The spec has no ${status} response for ${op.id}`;
      const schema = ((response.content as Json)?.["application/json"] as Json)?.schema;
      if (!schema) return `The spec has no JSON body for ${op.id} ${status}`;
      validate = this.ajv.compile(this.rewriteRefs(schema) as Json);
      this.cache.set(key, validate);
    }
    if (validate(body)) return undefined;
    return this.ajv.errorsText(validate.errors, {separator: "; "});
  }

  private resolve(pointer: string): Json | undefined {
    let node: unknown = this.spec;
    for (const part of pointer.replace(/^#\//, "").split("/")) {
      node = (node as Json)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    const obj = node as Json | undefined;
    if (obj && typeof obj.$ref === "string") return this.resolve(obj.$ref);
    return obj;
  }

  /** Points the body schema's local refs at the registered components. */
  private rewriteRefs(schema: unknown): unknown {
    return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/'));
  }
}
