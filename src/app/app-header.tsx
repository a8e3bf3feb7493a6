/**
 * The slim header: product and tenant, then the supervisor's display preferences (language and
 * the zone times are shown in), which belong to the person, not to the link.
 */
import { useQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { PhoneCall } from "lucide-react";
import { useEffect } from "react";
import { callQueries } from "@/features/calls/api/call-queries.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import {
  CALL_CENTER_TIME_ZONE,
  type Language,
  type TimeZoneMode,
  usePreferences,
} from "@/lib/i18n/preferences.tsx";
import { appMessages } from "./messages.ts";

const LANGUAGE_NAMES: Record<Language, string> = { vi: "Tiếng Việt", en: "English" };

export function AppHeader() {
  const messages = useMessages(appMessages);
  const { language, setLanguage, timeZoneMode, setTimeZoneMode } = usePreferences();
  const tenant = useQuery({ ...callQueries.filterOptions(), select: (options) => options.tenant });
  // The document's language follows the switch: screen readers pronounce by it.
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = messages.productName;
  }, [language, messages.productName]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || CALL_CENTER_TIME_ZONE;

  return (
    <header className="flex h-11 shrink-0 items-center gap-4 border-b border-slate-800 bg-slate-900 px-3 text-white">
      <div className="flex min-w-0 items-center gap-2">
        <PhoneCall aria-hidden="true" className="size-4 text-sky-300" />
        <h1 className="text-[15px] font-semibold whitespace-nowrap">{messages.productName}</h1>
        {tenant.data?.name && (
          <p className="truncate border-l border-slate-600 pl-2 text-[13px] text-slate-300">
            {tenant.data.name}
          </p>
        )}
      </div>
      <div className="ml-auto flex items-center gap-3 text-[13px]">
        <label className="flex items-center gap-1.5 text-slate-300">
          {messages.timeZone}
          <select
            value={timeZoneMode}
            onChange={(event) => setTimeZoneMode(event.target.value as TimeZoneMode)}
            className="h-7 rounded-md border border-slate-600 bg-slate-800 px-1.5 text-white"
          >
            <option value="call-center">{messages.callCenterZone}</option>
            <option value="browser">{messages.browserZone(browserZone)}</option>
          </select>
        </label>
        <fieldset className="flex rounded-md border border-slate-600 p-px">
          <legend className="sr-only">{messages.language}</legend>
          {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={language === code}
              onClick={() => setLanguage(code)}
              className={clsx(
                "h-[26px] rounded-[5px] px-2 focus-visible:outline-2 focus-visible:outline-sky-300",
                language === code
                  ? "bg-white font-semibold text-slate-900"
                  : "text-slate-200 hover:bg-slate-700",
              )}
            >
              {LANGUAGE_NAMES[code]}
            </button>
          ))}
        </fieldset>
      </div>
    </header>
  );
}
