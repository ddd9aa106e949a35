import type {SampleEmulator} from "../../emulator/sample";
import type {Cell} from "../../emulator/model";

/** Puts a row straight into a table the emulator serves, by column name: how a maker's typo or a blank cell reaches the pack. */
export function putRow(env: SampleEmulator, docId: string, table: string, values: Record<string, Cell>): string {
  const t = env.emulator.doc(docId)!.tables.find(x => x.name === table)!;
  const map = new Map<string, Cell>();
  for (const [name, value] of Object.entries(values)) {
    const column = t.columns.find(c => c.name === name);
    if (!column) throw new Error(`no column ${name} in ${table}`);
    map.set(column.id, value);
  }
  const id = `i-test${t.rows.length.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  t.rows.push({id, values: map, createdAt: t.updatedAt, updatedAt: t.updatedAt});
  return id;
}

/** Removes a table from a doc the emulator serves. */
export function dropTable(env: SampleEmulator, docId: string, table: string): void {
  const doc = env.emulator.doc(docId)!;
  doc.tables = doc.tables.filter(t => t.name !== table);
}
