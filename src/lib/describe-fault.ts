/**
 * What went wrong with a request, in words a supervisor can pass on to whoever runs the server:
 * the server's own reasons when it gave some, its error code and status otherwise, or what kind
 * of failure it was (unreachable, not JSON, an unexpected shape). Shared by every panel that
 * loads from the API, so a fault reads the same in the table and the drawer.
 */
import { ApiError, MalformedResponseError, ResponseShapeError } from "./api-client.ts";
import { defineMessages, useMessages } from "./i18n/messages.ts";

/** Words for faults every panel says alike; `slow` is what a request past 10 s shows. */
export const faultWords = defineMessages<{
  networkError: string;
  unexpectedResponse: string;
  notJson: string;
  slow: string;
}>({
  vi: {
    networkError: "không kết nối được máy chủ",
    unexpectedResponse: "máy chủ trả lời không đúng định dạng",
    notJson: "nội dung trả về không phải JSON (có thể là trang lỗi của proxy)",
    slow: "Vẫn đang tải… máy chủ phản hồi chậm.",
  },
  en: {
    networkError: "the server could not be reached",
    unexpectedResponse: "the server answered in an unexpected shape",
    notJson: "the answer was not JSON (perhaps an error page from a proxy)",
    slow: "Still loading… the server is slow.",
  },
});

/** The current language's `describeFault`. */
export function useDescribeFault(): (error: Error) => string {
  const words = useMessages(faultWords);
  return (error) => {
    if (error instanceof ApiError && error.problems.length > 0) {
      return error.problems.map((problem) => problem.message).join("; ");
    }
    if (error instanceof ApiError) return `${error.code} (HTTP ${error.status})`;
    if (error instanceof ResponseShapeError) return words.unexpectedResponse;
    if (error instanceof MalformedResponseError) return words.notJson;
    // fetch rejects with a TypeError when the network or the server is down.
    if (error instanceof TypeError) return words.networkError;
    return error.message;
  };
}
