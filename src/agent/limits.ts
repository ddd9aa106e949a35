/**
 * The limits Superhuman Go and `coda validate` put on skills and indexes, as
 * @codahq/packs-sdk 1.17.5 states them (`Limits` in dist/testing/upload_validation.js,
 * the zod schemas `coda upload` checks). The readiness test holds each constant equal
 * to the SDK's own value, so an SDK upgrade that moves one is noticed.
 */
export const AgentLimits = {
  /** `PackVersionDefinition.skills`: at most `Limits.MaxSkillCount` skills per pack. */
  maxSkills: 15,
  /** `Skill.prompt`: 1 to `Limits.PromptLength` characters. */
  promptLength: 20_000,
  /** `Skill.name` and `Skill.displayName`: 1 to `Limits.BuildingBlockName` characters; the name is letters, digits and underscores. */
  nameLength: 50,
  /** `Skill.description`, and every formula's and parameter's: 1 to `Limits.BuildingBlockDescription` characters. */
  descriptionLength: 1_000,
  /** `BaseIndexDefinition.filterableProperties` (schema.d.ts): at most `Limits.FilterableProperties`. */
  filterableProperties: 5,
  /** `PackVersionDefinition.formulas` and `.syncTables`: at most `Limits.BuildingBlockCountPerType` each. */
  buildingBlocksPerType: 100,
} as const;

/**
 * How many formulas one skill offers as tools. The SDK sets no number; the agents
 * guide warns that too many tool options lead to worse results, so each skill
 * offers only the few its job needs.
 */
export const MaxToolsPerSkill = 12;

/**
 * A row's `Summary` is a sentence or two, short enough to sit whole in one indexed
 * chunk beside the row's title; a decision with ownership problems is the longest.
 */
export const MaxSummaryLength = 600;
