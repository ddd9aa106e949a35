import * as z from "zod/mini";

/**
 * The parts of Superhuman Docs API responses the pack reads, checked with zod so
 * a surprise in the data is a clear error at the edge, not a crash later on.
 * Objects are loose: fields the pack does not use may come and go.
 */

export const ColumnFormat = z.looseObject({
  type: z.string(),
  isArray: z.optional(z.boolean()),
  table: z.optional(z.looseObject({id: z.string(), name: z.string()})),
});

export const Column = z.looseObject({
  id: z.string(),
  name: z.string(),
  display: z.optional(z.boolean()),
  calculated: z.optional(z.boolean()),
  format: ColumnFormat,
});
export type Column = z.infer<typeof Column>;

export const TableReference = z.looseObject({
  id: z.string(),
  name: z.string(),
  tableType: z.optional(z.string()),
  browserLink: z.optional(z.string()),
});
export type TableReference = z.infer<typeof TableReference>;

export const Row = z.looseObject({
  id: z.string(),
  name: z.string(),
  browserLink: z.string(),
  updatedAt: z.optional(z.string()),
  values: z.record(z.string(), z.unknown()),
});
export type Row = z.infer<typeof Row>;

const list = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({items: z.array(item), nextPageToken: z.optional(z.string())});

export const ColumnList = list(Column);
export const TableList = list(TableReference);
export const RowList = list(Row);

export const User = z.looseObject({name: z.string(), loginId: z.string()});

export const ApiLink = z.looseObject({
  resource: z.looseObject({type: z.string(), id: z.string(), href: z.optional(z.string())}),
  browserLink: z.optional(z.string()),
});

/** A table's details: how many rows it has and when it last changed. */
export const TableDetail = z.looseObject({
  id: z.string(),
  name: z.string(),
  rowCount: z.number(),
  updatedAt: z.string(),
});

/** `warning` is null in real answers. */
export const MutationStatus = z.looseObject({completed: z.boolean(), warning: z.optional(z.nullable(z.string()))});

export const UpsertResult = z.looseObject({requestId: z.string(), addedRowIds: z.optional(z.array(z.string()))});

export const UpdateResult = z.looseObject({requestId: z.string(), id: z.string()});

/**
 * An error answer: the spec's envelope, whose message the pack reads. A request
 * the service's schema check refuses also carries codaType and
 * codaDetail.issues (zod issues, possibly nested), which the spec does not
 * list; details of another shape are ignored.
 */
export const ErrorBody = z.looseObject({
  message: z.optional(z.string()),
  codaDetail: z.catch(z.optional(z.looseObject({issues: z.optional(z.array(z.unknown()))})), undefined),
});

/** A doc as listDocs and getDoc describe it; sourceDoc names the doc it was copied from. */
export const DocInfo = z.looseObject({
  id: z.string(),
  name: z.string(),
  browserLink: z.string(),
  sourceDoc: z.optional(z.looseObject({id: z.string()})),
});

export const DocList = list(DocInfo);

/** createDoc's answer: the new doc, and the write that makes it, to wait for. */
export const CreatedDoc = z.looseObject({
  id: z.string(),
  name: z.string(),
  browserLink: z.string(),
  requestId: z.optional(z.string()),
});

/** addPermission answers an empty object. */
export const PermissionResult = z.looseObject({});
