/**
 * The Vietnamese/English switch, in the header and on the sign-in page, and the document's
 * language and title, which follow it (screen readers pronounce by `lang`).
 */
import { clsx } from "clsx";
import { useEffect } from "react";
import { useMessages } from "@/lib/i18n/messages.ts";
import { LANGUAGES, type Language, usePreferences } from "@/lib/i18n/preferences.tsx";
import { appMessages } from "./messages.ts";

const LANGUAGE_NAMES: Record<Language, string> = { vi: "Tiếng Việt", en: "English" };

const TONES = {
  dark: {
    group: "border-slate-600",
    chosen: "bg-white font-semibold text-slate-900",
    other: "text-slate-200 hover:bg-slate-700",
  },
  light: {
    group: "border-slate-300 bg-white",
    chosen: "bg-slate-900 font-semibold text-white",
    other: "text-slate-600 hover:bg-slate-100",
  },
};

export function LanguageSwitch({ tone }: { tone: keyof typeof TONES }) {
  const messages = useMessages(appMessages);
  const { language, setLanguage } = usePreferences();
  const colors = TONES[tone];
  return (
    <fieldset className={clsx("flex rounded-md border p-px text-[13px]", colors.group)}>
      <legend className="sr-only">{messages.language}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          onClick={() => setLanguage(code)}
          className={clsx(
            "h-[26px] rounded-[5px] px-2 focus-visible:outline-2 focus-visible:outline-sky-500",
            language === code ? colors.chosen : colors.other,
          )}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </fieldset>
  );
}

export function useDocumentLanguage() {
  const { language } = usePreferences();
  const { productName } = useMessages(appMessages);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = productName;
  }, [language, productName]);
}
