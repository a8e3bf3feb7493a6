/**
 * The slim header: product and tenant, the supervisor's display preferences (language and the
 * zone times are shown in, which belong to the person, not to the link), and who is signed in.
 */
import { useQuery } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import { sessionQueries } from "@/features/auth/api/session-queries.ts";
import { SignedInUser } from "@/features/auth/components/signed-in-user.tsx";
import { useMessages } from "@/lib/i18n/messages.ts";
import {
  CALL_CENTER_TIME_ZONE,
  type TimeZoneMode,
  usePreferences,
} from "@/lib/i18n/preferences.tsx";
import { LanguageSwitch, useDocumentLanguage } from "./language-switch.tsx";
import { appMessages } from "./messages.ts";

export function AppHeader() {
  const messages = useMessages(appMessages);
  const { timeZoneMode, setTimeZoneMode } = usePreferences();
  const tenant = useQuery({ ...sessionQueries.current(), select: (user) => user?.tenant_name });
  useDocumentLanguage();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || CALL_CENTER_TIME_ZONE;

  return (
    <header className="flex h-11 shrink-0 items-center gap-4 border-b border-slate-800 bg-slate-900 px-3 text-white">
      <div className="flex min-w-0 items-center gap-2">
        <PhoneCall aria-hidden="true" className="size-4 text-sky-300" />
        <h1 className="text-[15px] font-semibold whitespace-nowrap">{messages.productName}</h1>
        {tenant.data && (
          <p className="truncate border-l border-slate-600 pl-2 text-[13px] text-slate-300">
            {tenant.data}
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
        <LanguageSwitch tone="dark" />
        <SignedInUser />
      </div>
    </header>
  );
}
