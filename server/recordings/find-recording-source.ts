/**
 * Decides where a call's recording comes from. Demo calls have none on disk: their audio is
 * synthesized from the call id. Real vendor recordings are streamed from recording_file_url.
 */
import { DEMO_TENANT_ID } from "../seed/demo-tenant.ts";
import { type CallScope, findRecordingFacts } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";
import type { RecordingSource } from "./recording-source.ts";

export async function findRecordingSource(
  store: Store,
  transactionId: string,
  scope: CallScope,
): Promise<RecordingSource | null> {
  const facts = await findRecordingFacts(store.db, transactionId, scope);
  if (facts?.has_recording !== 1 || !(facts.record_seconds > 0)) return null;
  if (facts.tenant_id === DEMO_TENANT_ID) {
    return { kind: "synthetic", transactionId, seconds: facts.record_seconds };
  }
  // Only web links are followed: a record could carry any string as its recording URL.
  if (facts.recording_file_url && /^https?:\/\//i.test(facts.recording_file_url)) {
    return {
      kind: "remote",
      transactionId,
      url: facts.recording_file_url,
      seconds: facts.record_seconds,
    };
  }
  return null;
}
