/**
 * Above the table, what of this page could not be read: calls left out (with the fields at
 * fault), values emptied or worked out, a missing total. Only an answer that did not fit the
 * contract has any of these, and the lenient reader that found them is loaded by then: this
 * module is a lazy chunk too, off the first screen.
 */
import { CircleAlert } from "lucide-react";
import { listFieldNames } from "@/contract/drift-basics.ts";
import type { CallListReading } from "@/contract/read-call-responses.ts";
import { defineMessages, useMessages } from "@/lib/i18n/messages.ts";

const readNoticeMessages = defineMessages<{
  unreadableCalls: (count: number, fields: string) => string;
  repairedFields: (fields: string) => string;
  totalUnknown: string;
}>({
  vi: {
    unreadableCalls: (count, fields) =>
      `${count} cuộc gọi trên trang này không đọc được (trường ${fields}).`,
    repairedFields: (fields) =>
      `Một số giá trị không đọc được nên để trống hoặc suy ra từ dữ liệu còn lại (trường ${fields}).`,
    totalUnknown:
      "Máy chủ không cho biết tổng số cuộc gọi: đang hiển thị các dòng nhận được, không kèm tổng.",
  },
  en: {
    unreadableCalls: (count, fields) =>
      `${count} ${count === 1 ? "call" : "calls"} on this page could not be read (${fields.includes(",") ? "fields" : "field"} ${fields}).`,
    repairedFields: (fields) =>
      `Some values could not be read and are shown empty or worked out from the rest (${fields}).`,
    totalUnknown:
      "The server did not say how many calls match: the rows received are shown without a total.",
  },
});

export default function ReadNotice({ page }: { page: CallListReading }) {
  const messages = useMessages(readNoticeMessages);
  const lines: string[] = [];
  if (page.unreadable.length > 0) {
    const fields = listFieldNames(page.unreadable.flatMap((record) => record.fields));
    lines.push(messages.unreadableCalls(page.unreadable.length, fields));
  }
  if (page.repaired.length > 0) lines.push(messages.repairedFields(listFieldNames(page.repaired)));
  if (page.paginationMissing) lines.push(messages.totalUnknown);
  return (
    <div
      role="status"
      className="flex shrink-0 items-start gap-3 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-950"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600" />
      <div className="min-w-0 flex-1">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}
