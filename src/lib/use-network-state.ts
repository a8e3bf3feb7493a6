/**
 * What the page needs to know about the network to explain a wait or a failure: whether the
 * browser is online, and whether a request has been going on for too long.
 */
import { onlineManager } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";

/** After this long without an answer, the page says the server is slow (and keeps waiting). */
export const SLOW_AFTER_MS = 10_000;

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
// TanStack Query hears the online/offline events (and pauses requests while offline); the
// browser's own flag also covers a page opened while already offline.
const isOnline = () => onlineManager.isOnline() && navigator.onLine !== false;

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/**
 * True once `busy` has stayed true for `ms` for the same `key`; false as soon as it is not busy
 * or the key changes (a new request starts the clock again).
 */
export function useTakesLongerThan(busy: boolean, key: string, ms = SLOW_AFTER_MS): boolean {
  const [slowKey, setSlowKey] = useState<string>();
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlowKey(key), ms);
    return () => {
      clearTimeout(timer);
      // The next request of the same key starts its clock afresh.
      setSlowKey(undefined);
    };
  }, [busy, key, ms]);
  return busy && slowKey === key;
}
