import type * as coda from "@codahq/packs-sdk";

/**
 * Load on use. The platform runs the whole bundle in a fresh isolate before each
 * execution, and one execution uses one formula or one sync table; building every
 * area's schemas, parameters and tables first is most of the pack's start-up.
 * Each registered definition is therefore a stand-in that knows its name and
 * builds its area's module on first use of anything else. The platform's lookups
 * (a formula by name, a sync table by its name or its getter's name) read only the
 * names; the upload's metadata compile reads everything and so sees the same
 * definitions as an eager pack.
 */

/** An area's module: what it registers, as it exports it. */
export interface AreaModule {
  formulas?: coda.Formula[];
  syncTables?: coda.SyncTable[];
  skills?: coda.Skill[];
}

/** A stand-in for the object `build` returns: `known` answers without building, anything else builds it once. */
function standIn<T extends object>(build: () => T, known: Record<PropertyKey, unknown>): T {
  let built: T | undefined;
  const real = () => (built ??= build());
  const knows = (key: PropertyKey) => Object.prototype.hasOwnProperty.call(known, key);
  return new Proxy({} as T, {
    get: (_, key) => (knows(key) ? known[key] : Reflect.get(real(), key)),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => knows(key) || Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const own = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in's target holds nothing, so every property it shows must be configurable.
      return own && {...own, configurable: true, ...(knows(key) && "value" in own ? {value: known[key]} : {})};
    },
  });
}

/** One area's formulas and sync tables, named here and built from `load` on first use. */
export function area(
  load: () => AreaModule,
  names: {formulas?: readonly string[]; syncTables?: readonly string[]; skills?: readonly string[]},
): Required<AreaModule> & {module: () => AreaModule} {
  let module: AreaModule | undefined;
  const loaded = () => (module ??= load());
  const find = <T extends {name: string}>(list: T[] | undefined, name: string, what: string): T => {
    const found = list?.find(x => x.name === name);
    if (!found) throw new Error(`The area registers the ${what} ${name}, which its module does not export.`);
    return found;
  };
  return {
    module: loaded,
    formulas: (names.formulas ?? []).map(name => standIn(() => find(loaded().formulas, name, "formula"), {name})),
    skills: (names.skills ?? []).map(name => standIn(() => find(loaded().skills, name, "skill"), {name})),
    syncTables: (names.syncTables ?? []).map(name => {
      const getterName = `Sync${name}`;
      const table = () => {
        const found = find(loaded().syncTables, name, "sync table");
        if (found.getter.name !== getterName) {
          throw new Error(`The sync table ${name} has a getter named ${found.getter.name}.`);
        }
        return found;
      };
      const getter = standIn(() => table().getter, {name: getterName});
      return standIn(table, {name, getter});
    }),
  };
}
