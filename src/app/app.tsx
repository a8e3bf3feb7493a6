import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { PreferencesProvider } from "@/lib/i18n/preferences.tsx";
import { SessionGate } from "./session-gate.tsx";

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <SessionGate />
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
