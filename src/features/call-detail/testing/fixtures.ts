/** Calls and legs for the drawer's tests: realistic defaults, every field overridable. */
import type { CallDetailEnvelope, CallLeg, CallListItem } from "@/contract/call.ts";

/** 2026-11-25 14:27:57 in Ho Chi Minh City. */
export const CALL_START = 1_795_591_677;

export function makeLeg(overrides: Partial<CallLeg> = {}): CallLeg {
  return {
    from: "0983223566",
    to: "70759-101",
    phone_number: "0983223566",
    type: "ring-group",
    at: CALL_START,
    ringing_at: CALL_START,
    answer_at: null,
    bye_at: CALL_START + 30,
    index: 1,
    is_answer: false,
    is_online: true,
    is_busy: false,
    is_dnd: false,
    timeout: 30,
    ...overrides,
  };
}

export function makeCall(overrides: Partial<CallListItem> = {}): CallListItem {
  return {
    transaction_id: "call-0001",
    tenant_id: "64f1c2a97b3e5d0012a8e4c7",
    direction: "inbound",
    source_number: "0983223566",
    destination_number: "842499950998",
    bill_sec: 192,
    record_seconds: 192,
    time_start_to_answer: CALL_START + 41,
    recording_file: "call-0001.wav",
    recording_file_url: "https://recordings.demo.invalid/call-0001.wav",
    recording_data: null,
    sip_user: "101",
    created_date: (CALL_START + 240) * 1000,
    last_updated_date: (CALL_START + 240) * 1000,
    is_auto_call: false,
    ivr: "none",
    provider: "viettel",
    duration: 233,
    user: [
      { full_name: "Nguyễn Văn A", full_name_unsigned: "Nguyen Van A", note: null, tag: null },
    ],
    customer: { full_name: "Trần Đình Tâm", full_name_unsigned: "tran dinh tam" },
    state: null,
    call_uuid: null,
    from_number: null,
    to_number: null,
    hotline: null,
    is_have_forward_out: false,
    bill_sec_forward_out: 0,
    call_out_price: 0,
    note: null,
    tag: [],
    invite_failure_status: null,
    answer_sec: 41,
    autocall_uuid: null,
    autocall_id: null,
    sip_number: "842499950998",
    phone_number: "0983223566",
    create_by: null,
    transfer_histories: [],
    user_data_str: null,
    user_ref_code: null,
    endby_name: "end_call_by_customer",
    hangup_cause: "NORMAL_CLEARING",
    sip_hangup_disposition: "send_bye",
    hangup_cause_q850: 16,
    is_voicemail: false,
    recording_file_voicemail: null,
    domain_fusion: "saomaidemo",
    send_num_retry: 0,
    time_start_call: CALL_START,
    time_end_call: CALL_START + 233,
    out_of_working_time: false,
    sip_number_tags: [],
    evaluations: null,
    total_evaluate: null,
    internal_destination: null,
    classifies: null,
    collect_info_variables: null,
    status: "answered",
    agents_rung: 3,
    is_transferred: false,
    ...overrides,
  };
}

/**
 * The example call: rang 3 agents over 41 s (one busy, one timed out), answered by
 * Nguyễn Văn A (ext 101) after 18 s of ringing, talked 3:12, the customer hung up.
 */
export function exampleLegs(): CallLeg[] {
  const s = CALL_START;
  return [
    makeLeg({ index: 1, to: "70759-105", at: s, ringing_at: s, bye_at: s, is_busy: true }),
    makeLeg({
      index: 2,
      to: "70759-112",
      at: s + 1,
      ringing_at: s + 2,
      bye_at: s + 22,
      timeout: 20,
    }),
    makeLeg({
      index: 3,
      to: "70759-101",
      at: s + 22,
      ringing_at: s + 23,
      answer_at: s + 41,
      bye_at: s + 233,
      is_answer: true,
    }),
  ];
}

export function makeEnvelope(
  call: CallListItem = makeCall(),
  legs: CallLeg[] = exampleLegs(),
): CallDetailEnvelope {
  return {
    instance_id: "test",
    instance_version: "1.2.164",
    key_enabled: false,
    status_code: 9999,
    payload: call,
    call_stacks: legs,
  };
}
