/**
 * The CSV export of a whole filtered result: UTF-8 with a byte-order mark (Excel then reads
 * Vietnamese correctly), times in the supervisor's zone, durations in seconds and prices in VND
 * as plain numbers so they sort and sum in a spreadsheet.
 */
import { stringify } from "csv-stringify/sync";
import { type CallListItem, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";
import { toUnixSeconds } from "@/contract/call-derivations.ts";
import { CALL_DIRECTION_LABELS, CALL_STATUS_LABELS } from "@/lib/call-vocabulary.ts";
import type { Language } from "@/lib/i18n/preferences.tsx";

export const UTF8_BOM = "\uFEFF";

const HEADERS: Record<Language, string[]> = {
  vi: [
    "Thời gian bắt đầu",
    "Hướng",
    "Trạng thái",
    "Khách hàng",
    "Số khách hàng",
    "Nhân viên",
    "Máy nhánh",
    "Đầu số",
    "Tổng thời gian (giây)",
    "Đàm thoại (giây)",
    "Chờ (giây)",
    "Nguyên nhân kết thúc",
    "Thẻ",
    "Cước (VND)",
    "Nhà mạng",
    "Ghi âm",
    "Ghi chú",
    "Mã cuộc gọi",
  ],
  en: [
    "Start time",
    "Direction",
    "Status",
    "Customer",
    "Customer number",
    "Agent",
    "Extension",
    "Hotline",
    "Duration (s)",
    "Talk (s)",
    "Wait (s)",
    "Hangup cause",
    "Tags",
    "Price (VND)",
    "Provider",
    "Recording",
    "Note",
    "Transaction id",
  ],
};

const YES_NO: Record<Language, [string, string]> = { vi: ["Có", "Không"], en: ["Yes", "No"] };

export type CsvOptions = {
  language: Language;
  timeZone: string;
  tagNames: ReadonlyMap<string, string>;
};

/** "2026-11-25 14:03:05": the form spreadsheets parse as a date-time in every locale. */
export function makeTimestampFormatter(timeZone: string): (unixSeconds: number) => string {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return (unixSeconds) => format.format(new Date(unixSeconds * 1000)).replace(", ", " ");
}

/**
 * Excel drops a phone number's leading zero and shows long numbers (84249…) in scientific notation
 * unless the cell is text; `="…"` is the widely used form that displays just the digits. Anything else that starts
 * like a formula is neutralised with a leading apostrophe (CSV injection).
 */
function asPhoneCell(number: string | null): string {
  if (!number) return "";
  return /^\+?\d+$/.test(number) ? `="${number}"` : safeText(number);
}

function safeText(value: string | null | undefined): string {
  if (!value) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvHeader(language: Language): string {
  return UTF8_BOM + stringify([HEADERS[language]], { record_delimiter: "\r\n" });
}

export function csvRows(calls: readonly CallListItem[], options: CsvOptions): string {
  const { language } = options;
  const formatTimestamp = makeTimestampFormatter(options.timeZone);
  const [yes, no] = YES_NO[language];
  const rows = calls.map((call) => {
    const agent =
      call.create_by?.name && call.create_by.name !== NO_AGENT_CREATOR_NAME
        ? call.create_by.name
        : call.user[0]?.full_name;
    return [
      formatTimestamp(toUnixSeconds(call.time_start_call)),
      CALL_DIRECTION_LABELS[language][call.direction],
      CALL_STATUS_LABELS[language][call.status],
      safeText(call.customer?.full_name),
      asPhoneCell(call.phone_number),
      safeText(agent),
      safeText(call.sip_user),
      asPhoneCell(call.sip_number),
      call.duration,
      call.bill_sec,
      call.answer_sec,
      safeText(call.hangup_cause),
      call.tag.map((tag) => safeText(options.tagNames.get(tag) ?? tag)).join(", "),
      call.call_out_price,
      safeText(call.provider),
      call.recording_file_url || call.recording_file ? yes : no,
      safeText(call.note),
      call.transaction_id,
    ];
  });
  return stringify(rows, { record_delimiter: "\r\n" });
}
