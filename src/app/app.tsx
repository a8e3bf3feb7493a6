import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { PreferencesProvider } from "@/lib/i18n/preferences.tsx";
import { AppShell } from "./app-shell.tsx";

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <AppShell />
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
