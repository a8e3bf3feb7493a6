/**
 * The calls table's words for faults (offline, stopped), in Vietnamese and English, beside
 * `../messages.ts`, which holds the table's others; what failed, and "slow", are
 * told by `@/lib/describe-fault.ts`. On the first screen: they must be there when the network is not.
 */
import { defineMessages } from "@/lib/i18n/messages.ts";

type Shape = {
  cancel: string;
  stopped: string;
  offlineTitle: string;
  offlineBody: string;
  offlineKeeping: string;
};

export const faultMessages = defineMessages<Shape>({
  vi: {
    cancel: "Dừng tải",
    stopped: "Đã dừng tải danh sách cuộc gọi.",
    offlineTitle: "Mất kết nối mạng",
    offlineBody: "Danh sách sẽ tự tải lại khi có mạng trở lại.",
    offlineKeeping:
      "Mất kết nối mạng: đang hiển thị dữ liệu đã tải, sẽ tự cập nhật khi có mạng trở lại.",
  },
  en: {
    cancel: "Cancel",
    stopped: "Loading the calls was cancelled.",
    offlineTitle: "You are offline",
    offlineBody: "The calls will load again when the connection is back.",
    offlineKeeping:
      "You are offline: showing the calls already loaded; they will update when the connection is back.",
  },
});
