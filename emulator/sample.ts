import type {MetricsSample} from "../sample/health";
import {sampleMetrics} from "../sample/health";
import type {MeetingSample} from "../sample/meetings";
import {sampleMeetings} from "../sample/meetings";
import {People, sampleOrganization} from "../sample/organization";
import type {Organization} from "../sample/types";
import {docsFromCsvDir} from "./csv";
import type {DocRecord} from "./model";
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
  /** The docs made from the CSV files of `from`, served beside the sample's. */
  csvDocs: DocRecord[];
  stop: () => Promise<void>;
}

export interface SampleOptions extends Partial<EmulatorOptions> {
  org?: Organization;
  withBadRows?: boolean;
  port?: number;
  metrics?: MetricsSample;
  meetings?: MeetingSample;
  /** A folder of CSV files to serve as docs beside the sample's (see docsFromCsvDir). */
  from?: string;
}

export async function startSampleEmulator(options: SampleOptions = {}): Promise<SampleEmulator> {
  const csvDocs = options.from === undefined ? [] : docsFromCsvDir(options.from);
  const org = options.org ?? sampleOrganization();
  const seeded = seedOrganization(org, {
    withBadRows: options.withBadRows,
    metrics: options.metrics ?? sampleMetrics(),
    meetings: options.meetings ?? sampleMeetings(),
  });
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
  emulator.addDocs(csvDocs);
  const baseUrl = await emulator.start(options.port ?? 0);
  return {emulator, baseUrl, seeded, org, csvDocs, stop: () => emulator.stop()};
}
