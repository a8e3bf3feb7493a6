import { defineMessages } from "@/lib/i18n/messages.ts";

export const appMessages = defineMessages<{
  productName: string;
  language: string;
  timeZone: string;
  callCenterZone: string;
  browserZone: (zone: string) => string;
  drawerLoading: string;
  drawerFailed: string;
  close: string;
  pageFailed: string;
  reload: string;
}>({
  vi: {
    productName: "Lịch sử cuộc gọi",
    language: "Ngôn ngữ",
    timeZone: "Múi giờ",
    callCenterZone: "Giờ Việt Nam (GMT+7)",
    browserZone: (zone) => `Giờ trình duyệt (${zone})`,
    drawerLoading: "Đang mở cuộc gọi…",
    drawerFailed: "Không mở được chi tiết cuộc gọi.",
    close: "Đóng",
    pageFailed: "Không tải được trang. Kiểm tra kết nối rồi tải lại.",
    reload: "Tải lại",
  },
  en: {
    productName: "Call history",
    language: "Language",
    timeZone: "Time zone",
    callCenterZone: "Vietnam time (GMT+7)",
    browserZone: (zone) => `Browser time (${zone})`,
    drawerLoading: "Opening the call…",
    drawerFailed: "The call details could not be opened.",
    close: "Close",
    pageFailed: "The page could not be loaded. Check the connection and reload.",
    reload: "Reload",
  },
});
