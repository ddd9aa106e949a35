import * as coda from "@codahq/packs-sdk";
import {alignmentFormulas} from "../formulas/alignment";
import {alignmentSyncTables} from "../formulas/alignment_sync";
import {coachingSyncTables} from "../formulas/coaching_sync";
import {decisionFormulas, decisionSyncTables} from "../formulas/decision_sync";
import {diagnosisFormulas, diagnosisSyncTables} from "../formulas/diagnosis_sync";
import {disciplineSyncTables} from "../formulas/discipline_sync";
import {healthFormulas} from "../formulas/health";
import {healthSyncTables} from "../formulas/health_sync";
import {historyFormulas} from "../formulas/history";
import {historyActions, historySyncTables} from "../formulas/history_sync";
import {meetingFormulas} from "../formulas/meetings";
import {meetingActions, meetingSyncTables} from "../formulas/meetings_sync";
import {okrFormulas} from "../formulas/okr";
import {okrActions, okrSyncTables} from "../formulas/okr_sync";
import {setupFormulas} from "../formulas/setup";
import {NetworkDomain, whoami} from "./api/client";
import {skills} from "./agent/skills";

/**
 * Leadership OS. This file only registers building blocks; each lives in its own
 * module under formulas/ and schemas/, and the logic in src/engine/ and src/sync/.
 */
export const pack = coda.newPack();
pack.setVersion("0.2.0");

pack.addNetworkDomain(NetworkDomain);
pack.setUserAuthentication({
  type: coda.AuthenticationType.CodaApiHeaderBearerToken,
  shouldAutoAuthSetup: true,
  networkDomain: NetworkDomain,
  getConnectionName: async function (context) {
    return (await whoami(context)).name;
  },
});

for (const formula of [
  ...okrFormulas,
  ...healthFormulas,
  ...meetingFormulas,
  ...historyFormulas,
  ...alignmentFormulas,
  ...okrActions,
  ...meetingActions,
  ...historyActions,
  ...setupFormulas,
  ...diagnosisFormulas,
  ...decisionFormulas,
]) {
  pack.formulas.push(formula);
}
for (const table of [
  ...okrSyncTables,
  ...healthSyncTables,
  ...meetingSyncTables,
  ...disciplineSyncTables,
  ...historySyncTables,
  ...alignmentSyncTables,
  ...diagnosisSyncTables,
  ...decisionSyncTables,
  ...coachingSyncTables,
]) {
  pack.syncTables.push(table);
}
for (const skill of skills) pack.addSkill(skill);
