import type {MetricsSample} from "../sample/health";
import {sampleMetrics} from "../sample/health";
import type {MeetingSample} from "../sample/meetings";
import {sampleMeetings} from "../sample/meetings";
import {People, sampleOrganization} from "../sample/organization";
import type {Organization} from "../sample/types";
import type {SeededOrganization} from "./seed";
import {seedOrganization} from "./seed";
import type {EmulatorOptions} from "./server";
import {DocsApiEmulator} from "./server";

/** The emulator loaded with an organization, and the tokens that reach it. */

export const Tokens = {
  /** The leadership team's read-write token: every doc but the board's. */
  leader: "tok-leader-0001",
  /** A read-only token. */
  reader: "tok-reader-0001",
} as const;

export interface SampleEmulator {
  emulator: DocsApiEmulator;
  baseUrl: string;
  seeded: SeededOrganization;
  org: Organization;
  stop: () => Promise<void>;
}

export async function startSampleEmulator(
  options: Partial<EmulatorOptions> & {org?: Organization; withBadRows?: boolean; port?: number; metrics?: MetricsSample; meetings?: MeetingSample} = {},
): Promise<SampleEmulator> {
  const org = options.org ?? sampleOrganization();
  const seeded = seedOrganization(org, {withBadRows: options.withBadRows, metrics: options.metrics ?? sampleMetrics(), meetings: options.meetings ?? sampleMeetings()});
  const open = seeded.docs.filter(d => d.id !== seeded.restrictedDocId).map(d => d.id);
  const emulator = new DocsApiEmulator({
    docs: seeded.docs,
    people: seeded.people,
    tokens: {
      [Tokens.leader]: {user: People.ceo, tokenName: "Leadership OS", docIds: open},
      [Tokens.reader]: {user: People.ceo, tokenName: "Read only", readOnly: true, docIds: open},
    },
    ...options,
  });
  const baseUrl = await emulator.start(options.port ?? 0);
  return {emulator, baseUrl, seeded, org, stop: () => emulator.stop()};
}
