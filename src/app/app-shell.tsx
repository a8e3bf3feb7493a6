/** One page: the header, the calls (filters, table, pager) and the drawer of the open call. */
import { CallsPage } from "@/features/calls/components/calls-page.tsx";
import { AppHeader } from "./app-header.tsx";
import { CallDrawerSlot } from "./call-drawer-slot.tsx";

export function AppShell() {
  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900">
      <AppHeader />
      <div className="relative flex min-h-0 flex-1">
        <main className="flex min-w-0 flex-1 flex-col">
          <CallsPage />
        </main>
        <CallDrawerSlot />
      </div>
    </div>
  );
}
