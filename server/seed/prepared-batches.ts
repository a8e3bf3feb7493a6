/**
 * Demo calls prepared for the store in batches, one call at a time: no call outlives the
 * moment it is added to its batch, which keeps the garbage collector's work small at a million
 * calls (see PreparedCallsBuilder).
 */
import { type PreparedCalls, PreparedCallsBuilder } from "../store/call-writer.ts";
import { type GenerateDemoCallsOptions, generateDemoCalls } from "./generate-calls.ts";

export function* preparedDemoCallBatches(
  options: GenerateDemoCallsOptions,
  batchSize: number,
): Generator<PreparedCalls> {
  let builder = new PreparedCallsBuilder();
  for (const call of generateDemoCalls(options)) {
    builder.add(call);
    if (builder.size === batchSize) {
      yield builder.finish();
      builder = new PreparedCallsBuilder();
    }
  }
  if (builder.size > 0) yield builder.finish();
}
