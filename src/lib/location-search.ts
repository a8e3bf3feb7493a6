/**
 * The address bar's query string as an external store: components read it with
 * `useLocationSearch()` and change it with `navigateSearch()`. Back and Forward (popstate) and
 * our own pushes notify the same subscribers, so the URL is the one source of truth and nothing
 * copies it into React state.
 */
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

function readSearch(): string {
  return window.location.search;
}

/** The current query string, with its leading "?" (or "" when there is none). */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, readSearch, () => "");
}

export type NavigateOptions = {
  /** Replace the current history entry instead of adding one (typing, corrections). */
  replace?: boolean;
};

/** Moves to `?<search>` on the same path; a no-op when nothing changes. */
export function navigateSearch(search: URLSearchParams | string, options: NavigateOptions = {}) {
  const query = String(search);
  const target = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (target === current) return;
  if (options.replace) window.history.replaceState(window.history.state, "", target);
  else window.history.pushState(null, "", target);
  for (const listener of listeners) listener();
}
