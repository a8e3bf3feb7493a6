/**
 * The header's corner: who is signed in (name and role) and the way out. Signing out ends the
 * session on the server, then forgets everything fetched, so the next person at this screen
 * starts from the sign-in page with nothing of the previous user's in memory.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { useState } from "react";
import { useMessages } from "@/lib/i18n/messages.ts";
import { sessionQueries, showSignedOut, signOut } from "../api/session-queries.ts";
import { authMessages } from "../messages.ts";

export function SignedInUser() {
  const messages = useMessages(authMessages);
  const queryClient = useQueryClient();
  const { data: user } = useQuery(sessionQueries.current());
  const [isLeaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    // Even when the server cannot be told, the screen must stop showing calls to whoever is next.
    await signOut().catch(() => undefined);
    showSignedOut(queryClient);
  };
  if (!user) return null;
  return (
    <section aria-label={messages.signedInUser} className="flex items-center gap-2">
      <p className="flex flex-col text-right leading-tight">
        <span className="max-w-48 truncate font-medium">{user.display_name ?? user.username}</span>
        <span className="text-[11px] text-slate-400">{messages.roles[user.role]}</span>
      </p>
      <button
        type="button"
        onClick={leave}
        disabled={isLeaving}
        className="flex h-7 items-center gap-1.5 rounded-md border border-slate-600 px-2 text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-300 disabled:opacity-60"
      >
        <LogOut aria-hidden="true" className="size-3.5" />
        {messages.signOut}
      </button>
    </section>
  );
}
