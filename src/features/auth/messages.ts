/** The signed-in user's words (header, session check), in Vietnamese and English. */
import type { UserRole } from "@/contract/session.ts";
import { defineMessages } from "@/lib/i18n/messages.ts";

export const authMessages = defineMessages<{
  checkingSession: string;
  roles: Record<UserRole, string>;
  signedInUser: string;
  signOut: string;
}>({
  vi: {
    checkingSession: "Đang kiểm tra phiên đăng nhập…",
    roles: { supervisor: "Giám sát viên", agent: "Điện thoại viên" },
    signedInUser: "Người dùng đang đăng nhập",
    signOut: "Đăng xuất",
  },
  en: {
    checkingSession: "Checking your session…",
    roles: { supervisor: "Supervisor", agent: "Agent" },
    signedInUser: "Signed-in user",
    signOut: "Sign out",
  },
});
