/**
 * The sign-in page's words, in Vietnamese and English; apart from the header's so that they load
 * with the page, only when signed out.
 */
import { defineMessages } from "@/lib/i18n/messages.ts";

export const signInMessages = defineMessages<{
  signIn: string;
  username: string;
  password: string;
  showPassword: string;
  signingIn: string;
  wrongCredentials: string;
  tooManyAttempts: (seconds: number | undefined) => string;
  invalidInput: string;
  networkError: string;
  serverError: string;
}>({
  vi: {
    signIn: "Đăng nhập",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    showPassword: "Hiện mật khẩu",
    signingIn: "Đang đăng nhập…",
    // Never says which of the two was wrong: that would tell which usernames exist.
    wrongCredentials: "Tên đăng nhập hoặc mật khẩu không đúng.",
    tooManyAttempts: (seconds) =>
      seconds === undefined
        ? "Quá nhiều lần thử, vui lòng thử lại sau ít phút."
        : `Quá nhiều lần thử, vui lòng thử lại sau ${seconds} giây.`,
    invalidInput: "Tên đăng nhập hoặc mật khẩu không hợp lệ.",
    networkError: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
    serverError: "Máy chủ đang gặp sự cố. Vui lòng thử lại sau.",
  },
  en: {
    signIn: "Sign in",
    username: "Username",
    password: "Password",
    showPassword: "Show password",
    signingIn: "Signing in…",
    wrongCredentials: "Wrong username or password.",
    tooManyAttempts: (seconds) =>
      seconds === undefined
        ? "Too many attempts, try again in a few minutes."
        : `Too many attempts, try again in ${seconds} s.`,
    invalidInput: "The username or password is not valid.",
    networkError: "Cannot reach the server. Check the connection and try again.",
    serverError: "The server has a problem. Please try again later.",
  },
});
