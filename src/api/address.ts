/**
 * Where the Superhuman Docs API lives: the pack's one network domain. Kept apart
 * from the client so the pack can declare its domain without loading the client.
 */
export const ApiBaseUrl = "https://docs.superhuman.com/apis/v1";
export const NetworkDomain = "docs.superhuman.com";
