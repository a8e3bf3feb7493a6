/**
 * Builds vendor-shaped calls and legs for tests, starting from the seed's own sample so every
 * field the vendor sends is present, and overriding only what a test is about.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Call, type CallLeg, vendorCallDetailEnvelopeSchema } from "@/contract/call.ts";
import seedDetail from "../../tests/fixtures/seed-detail-response.json" with { type: "json" };
import { openStore, type Store } from "../store/open-store.ts";

/** The tenant of the calls built here. */
export const TEST_TENANT_ID = "tenant-test";

const sample = vendorCallDetailEnvelopeSchema.parse(seedDetail);

export function buildCall(overrides: Partial<Call> & Pick<Call, "transaction_id">): Call {
  return { ...structuredClone(sample.payload), tenant_id: TEST_TENANT_ID, ...overrides };
}

export function buildLeg(overrides: Partial<CallLeg> & Pick<CallLeg, "index">): CallLeg {
  return { ...structuredClone(sample.call_stacks[0]!), ...overrides };
}

/** A store in a fresh temporary directory, removed by the returned cleanup. */
export async function openTemporaryStore(): Promise<{
  store: Store;
  cleanup: () => Promise<void>;
}> {
  const directory = mkdtempSync(join(tmpdir(), "calls-test-"));
  const store = await openStore(join(directory, "calls.db"));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
