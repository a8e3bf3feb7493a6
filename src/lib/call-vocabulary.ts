/**
 * The words for call outcomes and directions in both languages. The table, the drawer and the
 * server's CSV export all say the same word for the same thing.
 */
import type { CallDirection, CallStatus } from "@/contract/call.ts";
import type { Language } from "./i18n/preferences.tsx";

export const CALL_STATUS_LABELS: Record<Language, Record<CallStatus, string>> = {
  vi: {
    answered: "Đã nghe",
    missed: "Nhỡ",
    voicemail: "Hộp thư thoại",
    busy: "Máy bận",
    failed: "Lỗi",
  },
  en: {
    answered: "Answered",
    missed: "Missed",
    voicemail: "Voicemail",
    busy: "Busy",
    failed: "Failed",
  },
};

export const CALL_DIRECTION_LABELS: Record<Language, Record<CallDirection, string>> = {
  vi: { inbound: "Gọi đến", outbound: "Gọi đi", local: "Nội bộ" },
  en: { inbound: "Inbound", outbound: "Outbound", local: "Internal" },
};
