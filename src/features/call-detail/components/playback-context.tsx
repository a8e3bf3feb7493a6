/** The drawer's playback store, handed to its parts (player, timeline, keys) by context. */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { Playback, PlaybackState } from "../lib/playback.ts";

export const PlaybackContext = createContext<Playback | null>(null);

export function usePlayback(): Playback {
  const playback = useContext(PlaybackContext);
  if (!playback) throw new Error("usePlayback needs the call drawer's PlaybackContext");
  return playback;
}

/** One value of the playback state; the component re-renders only when that value changes. */
export function usePlaybackValue<Key extends keyof PlaybackState>(key: Key): PlaybackState[Key] {
  const playback = usePlayback();
  return useSyncExternalStore(
    playback.subscribe,
    () => playback.getState()[key],
    () => playback.getState()[key],
  );
}

/** A value derived from the playback state (whole seconds, say): re-renders only when it changes. */
export function usePlaybackSelector<Value>(select: (state: PlaybackState) => Value): Value {
  const playback = usePlayback();
  return useSyncExternalStore(
    playback.subscribe,
    () => select(playback.getState()),
    () => select(playback.getState()),
  );
}
