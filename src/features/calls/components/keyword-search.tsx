/**
 * One box for a phone number, a name (with or without diacritics) or a call id. The list follows
 * as the supervisor types, but only once typing pauses: one request per pause, not per key.
 */
import { Search, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { MAX_KEYWORD_LENGTH } from "@/contract/call-list-query.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { useDraft } from "@/lib/use-draft.ts";
import { callsMessages } from "../messages.ts";

export const KEYWORD_DEBOUNCE_MS = 350;

export function KeywordSearch({
  keyword,
  onSearch,
}: {
  keyword: string | undefined;
  /** `replace`: refining a search already in the URL rather than starting one. */
  onSearch: (keyword: string | undefined, options: { replace: boolean }) => void;
}) {
  const messages = useMessages(callsMessages);
  const [draft, setDraft] = useDraft(keyword ?? "", (text, source) => text.trim() === source);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (text: string) => {
    clearTimeout(timer.current);
    const next = text.trim() || undefined;
    if (next !== keyword) onSearch(next, { replace: Boolean(keyword) && Boolean(next) });
  };

  return (
    <div className="relative w-64 min-w-44 shrink">
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-slate-400"
      />
      <input
        type="search"
        aria-label={messages.keyword}
        placeholder={messages.keywordPlaceholder}
        maxLength={MAX_KEYWORD_LENGTH}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(text), KEYWORD_DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(draft);
        }}
        className="h-8 w-full rounded-md border border-slate-300 bg-white pr-7 pl-8 text-[13px] placeholder:text-slate-500 focus:border-sky-600 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
      />
      {draft !== "" && (
        <button
          type="button"
          aria-label={messages.clearKeyword}
          onClick={() => {
            setDraft("");
            commit("");
          }}
          className="absolute top-1/2 right-1 flex size-6 -translate-y-1/2 items-center justify-center rounded text-slate-500 hover:bg-slate-100"
        >
          <X aria-hidden="true" className="size-3.5" />
        </button>
      )}
    </div>
  );
}
