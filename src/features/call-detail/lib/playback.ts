/**
 * Where the recording is, shared by the drawer's parts: the player owns the audio and reports
 * its position; the leg timeline draws that position and asks to seek; the drawer's keys ask to
 * play or skip. A small external store (read with useSyncExternalStore) so that a position
 * changing many times a second re-renders only the parts that show it, and so that a seek asked
 * for before the player has loaded (a lazily loaded chunk) is kept and applied when it is ready.
 * Speed and volume belong to the supervisor, not the call: they carry over to the next call.
 */

export type PlaybackState = {
  /** Seconds into the recording. */
  time: number;
  duration: number;
  playing: boolean;
  /** A player is attached and can play. */
  ready: boolean;
  rate: number;
  volume: number;
  muted: boolean;
};

export type PlaybackController = {
  seek: (seconds: number) => void;
  toggle: () => void;
  setRate: (rate: number) => void;
  setVolume: (volume: number) => void;
  setMuted: (muted: boolean) => void;
};

export type Playback = ReturnType<typeof createPlayback>;

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export function createPlayback(initial: Partial<PlaybackState> = {}) {
  let state: PlaybackState = {
    time: 0,
    duration: 0,
    playing: false,
    ready: false,
    rate: 1,
    volume: 1,
    muted: false,
    ...initial,
  };
  let controller: PlaybackController | null = null;
  const listeners = new Set<() => void>();

  const update = (change: Partial<PlaybackState>) => {
    const next = { ...state, ...change };
    if ((Object.keys(change) as (keyof PlaybackState)[]).every((key) => next[key] === state[key])) {
      return;
    }
    state = next;
    for (const listener of listeners) listener();
  };
  const clamp = (seconds: number) =>
    Math.max(0, state.duration > 0 ? Math.min(seconds, state.duration) : seconds);

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getState: () => state,
    /** For the player: report what the audio is doing. */
    report: update,
    /** For the player: take commands until the returned function detaches it. */
    attach(next: PlaybackController) {
      controller = next;
      return () => {
        if (controller === next) controller = null;
        update({ ready: false, playing: false });
      };
    },
    seek(seconds: number) {
      const time = clamp(seconds);
      if (controller) controller.seek(time);
      update({ time });
    },
    skip(seconds: number) {
      this.seek(state.time + seconds);
    },
    toggle() {
      controller?.toggle();
    },
    setRate(rate: number) {
      controller?.setRate(rate);
      update({ rate });
    },
    setVolume(volume: number) {
      const clamped = Math.min(1, Math.max(0, volume));
      controller?.setVolume(clamped);
      // Turning the volume up is asking to hear it.
      if (clamped > 0 && state.muted) this.setMuted(false);
      update({ volume: clamped });
    },
    setMuted(muted: boolean) {
      controller?.setMuted(muted);
      update({ muted });
    },
  };
}
