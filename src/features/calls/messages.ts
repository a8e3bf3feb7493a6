/** The calls table's words, in Vietnamese and English. */
import { defineMessages } from "@/lib/i18n/messages.ts";
import type { DatePreset } from "./search/date-range.ts";

export type CallColumnId =
  | "time_start_call"
  | "direction"
  | "status"
  | "customer"
  | "agent"
  | "hotline"
  | "duration"
  | "bill_sec"
  | "answer_sec"
  | "recording"
  | "hangup_cause"
  | "tags"
  | "call_out_price"
  | "provider";

type Shape = {
  filtersRegion: string;
  dateRange: string;
  datePresets: Record<DatePreset, string>;
  allTime: string;
  customRange: string;
  rangeFrom: string;
  rangeTo: string;
  applyRange: string;
  rangeInZone: (zone: string) => string;
  invalidRange: string;
  keyword: string;
  keywordPlaceholder: string;
  clearKeyword: string;
  direction: string;
  status: string;
  agents: string;
  agentsSearch: string;
  hotlines: string;
  hotlinesSearch: string;
  tags: string;
  tagsSearch: string;
  providers: string;
  providersSearch: string;
  hangupCauses: string;
  hangupCausesSearch: string;
  noOptionMatches: string;
  clearSelection: string;
  selectedCount: (count: number) => string;
  moreFilters: string;
  duration: string;
  minDuration: string;
  maxDuration: string;
  durationHint: string;
  flags: Record<"has_recording" | "is_auto_call" | "out_of_working_time" | "transferred", string>;
  flagAny: string;
  flagYes: string;
  flagNo: string;
  activeFilters: string;
  removeFilter: (label: string) => string;
  resetAll: string;
  durationChip: (min: string | undefined, max: string | undefined) => string;
  yes: string;
  no: string;
  columns: Record<CallColumnId, string>;
  tableLabel: string;
  sortBy: (column: string) => string;
  chooseColumns: string;
  density: string;
  densityCompact: string;
  densityComfortable: string;
  exportCsv: string;
  exportHint: string;
  unknownCustomer: string;
  noAgent: string;
  /** `time` is what the button shows (the length, or the position while playing). */
  playRecording: (time: string, who: string) => string;
  pauseRecording: (time: string, who: string) => string;
  noRecording: string;
  recordingFailed: string;
  loading: string;
  refreshing: string;
  emptyTitle: string;
  emptyBody: string;
  widenRange: string;
  beyondLastPage: (last: number) => string;
  goToLastPage: string;
  errorTitle: string;
  errorBody: (detail: string) => string;
  refreshFailed: string;
  retry: string;
  callsCount: (count: string) => string;
  showingRange: (first: string, last: string, total: string) => string;
  pagination: string;
  pageSize: string;
  firstPage: string;
  previousPage: string;
  nextPage: string;
  lastPage: string;
  page: (page: number) => string;
  urlProblems: (parameters: string) => string;
  dismiss: string;
  keyboardHint: string;
};

export const callsMessages = defineMessages<Shape>({
  vi: {
    filtersRegion: "Bộ lọc cuộc gọi",
    dateRange: "Khoảng thời gian",
    datePresets: {
      today: "Hôm nay",
      yesterday: "Hôm qua",
      last_7_days: "7 ngày qua",
      this_month: "Tháng này",
      last_month: "Tháng trước",
    },
    allTime: "Toàn bộ thời gian",
    customRange: "Tùy chọn",
    rangeFrom: "Từ",
    rangeTo: "Đến",
    applyRange: "Áp dụng",
    rangeInZone: (zone) => `Giờ theo múi ${zone}`,
    invalidRange: "Thời điểm bắt đầu phải trước thời điểm kết thúc.",
    keyword: "Tìm cuộc gọi",
    keywordPlaceholder: "Số điện thoại, tên, mã cuộc gọi…",
    clearKeyword: "Xóa từ khóa",
    direction: "Hướng gọi",
    status: "Kết quả",
    agents: "Nhân viên",
    agentsSearch: "Tìm theo tên hoặc số máy lẻ",
    hotlines: "Đầu số",
    hotlinesSearch: "Tìm đầu số",
    tags: "Nhãn",
    tagsSearch: "Tìm nhãn",
    providers: "Nhà mạng",
    providersSearch: "Tìm nhà mạng",
    hangupCauses: "Lý do kết thúc",
    hangupCausesSearch: "Tìm lý do",
    noOptionMatches: "Không có lựa chọn phù hợp",
    clearSelection: "Bỏ chọn tất cả",
    selectedCount: (count) => `${count} đã chọn`,
    moreFilters: "Bộ lọc khác",
    duration: "Thời lượng",
    minDuration: "Thời lượng từ",
    maxDuration: "Thời lượng đến",
    durationHint: "giây hoặc phút:giây",
    flags: {
      has_recording: "Có ghi âm",
      is_auto_call: "Gọi tự động",
      out_of_working_time: "Ngoài giờ làm việc",
      transferred: "Đã chuyển tiếp",
    },
    flagAny: "Tất cả",
    flagYes: "Có",
    flagNo: "Không",
    activeFilters: "Bộ lọc đang dùng",
    removeFilter: (label) => `Bỏ bộ lọc ${label}`,
    resetAll: "Xóa tất cả bộ lọc",
    durationChip: (min, max) =>
      min && max ? `${min} – ${max}` : min ? `từ ${min}` : `đến ${max ?? ""}`,
    yes: "có",
    no: "không",
    columns: {
      time_start_call: "Bắt đầu",
      direction: "Hướng",
      status: "Kết quả",
      customer: "Khách hàng",
      agent: "Nhân viên",
      hotline: "Đầu số",
      duration: "Thời lượng",
      bill_sec: "Đàm thoại",
      answer_sec: "Chờ",
      recording: "Ghi âm",
      hangup_cause: "Lý do kết thúc",
      tags: "Nhãn",
      call_out_price: "Cước",
      provider: "Nhà mạng",
    },
    tableLabel: "Lịch sử cuộc gọi",
    sortBy: (column) => `Sắp xếp theo ${column}`,
    chooseColumns: "Cột hiển thị",
    density: "Mật độ dòng",
    densityCompact: "Gọn",
    densityComfortable: "Thoáng",
    exportCsv: "Xuất CSV",
    exportHint: "Tải toàn bộ kết quả đã lọc dưới dạng CSV",
    unknownCustomer: "Khách chưa lưu",
    noAgent: "Không có nhân viên",
    playRecording: (time, who) => `${time} – nghe ghi âm cuộc gọi với ${who}`,
    pauseRecording: (time, who) => `${time} – tạm dừng ghi âm cuộc gọi với ${who}`,
    noRecording: "Không có ghi âm",
    recordingFailed: "Không phát được ghi âm",
    loading: "Đang tải cuộc gọi…",
    refreshing: "Đang cập nhật…",
    emptyTitle: "Không có cuộc gọi nào khớp bộ lọc",
    emptyBody: "Hãy mở rộng khoảng thời gian hoặc bỏ bớt bộ lọc.",
    widenRange: "Xem toàn bộ thời gian",
    beyondLastPage: (last) => `Trang này không còn cuộc gọi; kết quả chỉ có ${last} trang.`,
    goToLastPage: "Về trang cuối",
    errorTitle: "Không tải được danh sách cuộc gọi",
    errorBody: (detail) => `Máy chủ trả lời: ${detail}`,
    refreshFailed: "Không cập nhật được; đang hiển thị dữ liệu trước đó.",
    retry: "Thử lại",
    callsCount: (count) => `${count} cuộc gọi`,
    showingRange: (first, last, total) => `${first}–${last} trong ${total}`,
    pagination: "Phân trang",
    pageSize: "Số dòng mỗi trang",
    firstPage: "Trang đầu",
    previousPage: "Trang trước",
    nextPage: "Trang sau",
    lastPage: "Trang cuối",
    page: (page) => `Trang ${page}`,
    urlProblems: (parameters) =>
      `Liên kết có tham số không hợp lệ (${parameters}); đã dùng giá trị mặc định thay thế.`,
    dismiss: "Đóng thông báo",
    keyboardHint: "Phím j/k để chuyển dòng, Enter để mở cuộc gọi",
  },
  en: {
    filtersRegion: "Call filters",
    dateRange: "Date range",
    datePresets: {
      today: "Today",
      yesterday: "Yesterday",
      last_7_days: "Last 7 days",
      this_month: "This month",
      last_month: "Last month",
    },
    allTime: "All time",
    customRange: "Custom",
    rangeFrom: "From",
    rangeTo: "To",
    applyRange: "Apply",
    rangeInZone: (zone) => `Times in ${zone}`,
    invalidRange: "The start must be before the end.",
    keyword: "Search calls",
    keywordPlaceholder: "Phone number, name, call ID…",
    clearKeyword: "Clear search",
    direction: "Direction",
    status: "Outcome",
    agents: "Agents",
    agentsSearch: "Search by name or extension",
    hotlines: "Hotlines",
    hotlinesSearch: "Search hotlines",
    tags: "Tags",
    tagsSearch: "Search tags",
    providers: "Carriers",
    providersSearch: "Search carriers",
    hangupCauses: "Hangup cause",
    hangupCausesSearch: "Search causes",
    noOptionMatches: "No matching option",
    clearSelection: "Clear selection",
    selectedCount: (count) => `${count} selected`,
    moreFilters: "More filters",
    duration: "Duration",
    minDuration: "Duration from",
    maxDuration: "Duration to",
    durationHint: "seconds or minutes:seconds",
    flags: {
      has_recording: "Has recording",
      is_auto_call: "Auto-call",
      out_of_working_time: "Out of working hours",
      transferred: "Transferred",
    },
    flagAny: "Any",
    flagYes: "Yes",
    flagNo: "No",
    activeFilters: "Active filters",
    removeFilter: (label) => `Remove filter ${label}`,
    resetAll: "Reset all filters",
    durationChip: (min, max) =>
      min && max ? `${min} – ${max}` : min ? `from ${min}` : `up to ${max ?? ""}`,
    yes: "yes",
    no: "no",
    columns: {
      time_start_call: "Started",
      direction: "Direction",
      status: "Outcome",
      customer: "Customer",
      agent: "Agent",
      hotline: "Hotline",
      duration: "Duration",
      bill_sec: "Talk time",
      answer_sec: "Wait",
      recording: "Recording",
      hangup_cause: "Hangup cause",
      tags: "Tags",
      call_out_price: "Price",
      provider: "Carrier",
    },
    tableLabel: "Call history",
    sortBy: (column) => `Sort by ${column}`,
    chooseColumns: "Columns",
    density: "Row density",
    densityCompact: "Compact",
    densityComfortable: "Comfortable",
    exportCsv: "Export CSV",
    exportHint: "Download the whole filtered result as CSV",
    unknownCustomer: "Unknown caller",
    noAgent: "No agent",
    playRecording: (time, who) => `${time} – play the recording of the call with ${who}`,
    pauseRecording: (time, who) => `${time} – pause the recording of the call with ${who}`,
    noRecording: "No recording",
    recordingFailed: "The recording could not be played",
    loading: "Loading calls…",
    refreshing: "Updating…",
    emptyTitle: "No calls match these filters",
    emptyBody: "Try a wider date range or fewer filters.",
    widenRange: "Show all time",
    beyondLastPage: (last) => `This page is past the end; the result has ${last} pages.`,
    goToLastPage: "Go to the last page",
    errorTitle: "The calls could not be loaded",
    errorBody: (detail) => `The server said: ${detail}`,
    refreshFailed: "Could not update; showing the previous data.",
    retry: "Retry",
    callsCount: (count) => `${count} calls`,
    showingRange: (first, last, total) => `${first}–${last} of ${total}`,
    pagination: "Pagination",
    pageSize: "Rows per page",
    firstPage: "First page",
    previousPage: "Previous page",
    nextPage: "Next page",
    lastPage: "Last page",
    page: (page) => `Page ${page}`,
    urlProblems: (parameters) =>
      `The link had parameters that did not make sense (${parameters}); their defaults are used instead.`,
    dismiss: "Dismiss",
    keyboardHint: "j/k move between rows, Enter opens the call",
  },
});

/** FreeSWITCH cause names supervisors meet, in words; others are shown as sent. */
export const HANGUP_CAUSE_LABELS = defineMessages<Record<string, string>>({
  vi: {
    NORMAL_CLEARING: "Kết thúc bình thường",
    USER_BUSY: "Máy bận",
    NO_USER_RESPONSE: "Không phản hồi",
    NO_ANSWER: "Không trả lời",
    CALL_REJECTED: "Từ chối cuộc gọi",
    UNALLOCATED_NUMBER: "Số không tồn tại",
    NORMAL_TEMPORARY_FAILURE: "Lỗi mạng tạm thời",
    ORIGINATOR_CANCEL: "Người gọi hủy",
  },
  en: {
    NORMAL_CLEARING: "Normal clearing",
    USER_BUSY: "User busy",
    NO_USER_RESPONSE: "No response",
    NO_ANSWER: "No answer",
    CALL_REJECTED: "Call rejected",
    UNALLOCATED_NUMBER: "Unallocated number",
    NORMAL_TEMPORARY_FAILURE: "Temporary failure",
    ORIGINATOR_CANCEL: "Caller cancelled",
  },
});

/** Carriers as they write their own names. */
export const PROVIDER_NAMES: Record<string, string> = {
  viettel: "Viettel",
  mobifone: "MobiFone",
  vinaphone: "VinaPhone",
  vietnamobile: "Vietnamobile",
  gmobile: "Gmobile",
  itelecom: "iTel",
};

export function providerName(provider: string | null): string {
  if (!provider) return "";
  return PROVIDER_NAMES[provider] ?? provider;
}
