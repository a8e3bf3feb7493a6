/**
 * One audio element for the whole table: playing a row's recording stops the one before, and
 * each play button re-renders only when its own recording's state changes.
 */
import { useSyncExternalStore } from "react";

export type RecordingStatus = "idle" | "loading" | "playing" | "paused" | "error";
export type RecordingState = { id: string | null; status: RecordingStatus; position: number };

const IDLE: RecordingState = { id: null, status: "idle", position: 0 };

let state: RecordingState = IDLE;
let audio: HTMLAudioElement | undefined;
const listeners = new Set<() => void>();

function set(next: Partial<RecordingState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function audioElement(): HTMLAudioElement {
  if (audio) return audio;
  const element = new Audio();
  element.preload = "none";
  const current = () => element.dataset.recordingId ?? null;
  element.addEventListener("playing", () => set({ id: current(), status: "playing" }));
  element.addEventListener("pause", () => {
    if (state.status === "playing") set({ status: "paused" });
  });
  element.addEventListener("ended", () => set({ status: "idle", position: 0 }));
  element.addEventListener("error", () => {
    if (element.dataset.recordingId) set({ status: "error" });
  });
  element.addEventListener("timeupdate", () => {
    const position = Math.floor(element.currentTime);
    if (position !== state.position) set({ position });
  });
  audio = element;
  return element;
}

export function recordingUrl(transactionId: string): string {
  return `/api/recordings/${encodeURIComponent(transactionId)}`;
}

/** Plays a call's recording, or pauses/resumes it when it is the one already loaded. */
export function toggleRecording(transactionId: string) {
  const element = audioElement();
  if (state.id === transactionId && state.status !== "error" && state.status !== "idle") {
    if (element.paused) void element.play().catch(() => set({ status: "error" }));
    else element.pause();
    return;
  }
  element.pause();
  element.dataset.recordingId = transactionId;
  element.src = recordingUrl(transactionId);
  set({ id: transactionId, status: "loading", position: 0 });
  void element.play().catch((error: unknown) => {
    // A newer play() replacing this one aborts it; that is not a failure of this recording.
    if (error instanceof DOMException && error.name === "AbortError") return;
    if (state.id === transactionId) set({ status: "error" });
  });
}

export function stopRecording() {
  audio?.pause();
  if (audio) delete audio.dataset.recordingId;
  set(IDLE);
}

/** What is playing now, outside React (an event handler deciding what to hand over). */
export function currentRecording(): RecordingState {
  return state;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** This call's playback state; idle for every call but the loaded one. */
export function useRecordingState(transactionId: string): RecordingState {
  return useSyncExternalStore(
    subscribe,
    () => (state.id === transactionId ? state : IDLE),
    () => IDLE,
  );
}
