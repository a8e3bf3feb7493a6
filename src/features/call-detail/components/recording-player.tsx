/**
 * The recording player (its own lazily loaded chunk, with wavesurfer.js). The waveform is drawn
 * from the server's precomputed peaks; the sound comes from a real <audio> element that streams
 * the WAV with byte ranges, so the browser never downloads or decodes a whole recording to draw
 * it. The two channels are shown apart: the agent above, the customer below.
 *
 * Keys (only while focus is in the player, so they never fight the table's or the page's):
 * Space plays or pauses, ←/→ skip 5 s, Shift+←/→ 10 s, Home/End go to the start/end. Sliders
 * and menus keep their own arrow keys, buttons their own Space.
 */
import { useQuery } from "@tanstack/react-query";
import { Download, Link, Pause, Play, RotateCcw, RotateCw, Volume2, VolumeX } from "lucide-react";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import WaveSurfer from "wavesurfer.js";
import HoverPlugin from "wavesurfer.js/plugins/hover";
import TimelinePlugin from "wavesurfer.js/plugins/timeline";
import { buttonClassName } from "@/components/ui/button.tsx";
import { RECORDING_CHANNEL_NAMES, type RecordingPeaks } from "@/contract/recording-peaks.ts";
import { ApiError } from "@/lib/api-client.ts";
import { formatDuration } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { markPerf, PERF_MARKS } from "@/lib/perf-marks.ts";
import { callDetailQueries, recordingUrl } from "../api/call-detail-queries.ts";
import type { Playback } from "../lib/playback.ts";
import { PLAYBACK_RATES } from "../lib/playback.ts";
import { callDetailMessages } from "../messages.ts";
import { usePlayback, usePlaybackSelector, usePlaybackValue } from "./playback-context.tsx";

/** The channels' colours: one place, read by the canvas (which cannot use CSS variables). */
const CHANNEL_STYLE = {
  "--channel-agent": "#0369a1",
  "--channel-agent-played": "#0c4a6e",
  "--channel-customer": "#c2410c",
  "--channel-customer-played": "#7c2d12",
  "--channel-cursor": "#0f172a",
} as React.CSSProperties;

const CHANNEL_HEIGHT = 44;

export type RecordingPlayerProps = { transactionId: string };

export default function RecordingPlayer({ transactionId }: RecordingPlayerProps) {
  const messages = useMessages(callDetailMessages).recording;
  const peaks = useQuery(callDetailQueries.peaks(transactionId));
  if (peaks.isPending) {
    return (
      <div role="status" className="space-y-1">
        <div className="h-[88px] animate-pulse rounded bg-slate-100" />
        <p className="text-slate-500">{messages.loading}</p>
      </div>
    );
  }
  if (peaks.isError) {
    if (peaks.error instanceof ApiError && peaks.error.status === 404) {
      return <p className="text-slate-600">{messages.missing}</p>;
    }
    // Without peaks there is nothing to draw, but the recording can still be heard.
    return (
      <div className="space-y-2">
        <p role="alert" className="text-slate-600">
          {messages.peaksFailed}
        </p>
        <PlainAudio transactionId={transactionId} />
      </div>
    );
  }
  return <WaveformPlayer transactionId={transactionId} peaks={peaks.data} />;
}

/** Peaks in the player's order (agent, customer), whatever order the server sent them in. */
function orderedChannels(peaks: RecordingPeaks): number[][] {
  const byName = new Map(peaks.channels.map((channel) => [channel.name, channel.peaks]));
  const ordered = RECORDING_CHANNEL_NAMES.map((name) => byName.get(name)).filter(
    (channel) => channel !== undefined,
  );
  return ordered.length > 0 ? ordered : peaks.channels.map((channel) => channel.peaks);
}

function WaveformPlayer({
  transactionId,
  peaks,
}: {
  transactionId: string;
  peaks: RecordingPeaks;
}) {
  const messages = useMessages(callDetailMessages).recording;
  const playback = usePlayback();
  const audioRef = useRef<HTMLAudioElement>(null);
  const waveformRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const media = audioRef.current;
    const container = waveformRef.current;
    if (!media || !container) return;
    const style = getComputedStyle(container);
    const color = (name: string) => style.getPropertyValue(name).trim();
    const channels = orderedChannels(peaks);
    // One scale for both channels, so a quiet customer looks quieter than the agent.
    const maxPeak = Math.max(0.05, ...channels.flat());
    const state = playback.getState();
    media.playbackRate = state.rate;
    media.volume = state.volume;
    media.muted = state.muted;

    const wavesurfer = WaveSurfer.create({
      container,
      media,
      url: recordingUrl(transactionId),
      peaks: channels,
      duration: peaks.duration,
      height: CHANNEL_HEIGHT,
      splitChannels: [
        { waveColor: color("--channel-agent"), progressColor: color("--channel-agent-played") },
        {
          waveColor: color("--channel-customer"),
          progressColor: color("--channel-customer-played"),
        },
      ],
      normalize: true,
      maxPeak,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      cursorColor: color("--channel-cursor"),
      cursorWidth: 2,
      dragToSeek: true,
      plugins: [
        TimelinePlugin.create({
          height: 16,
          formatTimeCallback: (seconds) => formatDuration(seconds),
          style: { fontSize: "10px", color: "#64748b" },
        }),
        HoverPlugin.create({
          lineColor: "#334155",
          labelBackground: "#334155",
          labelColor: "#fff",
          labelSize: "11px",
          formatTimeCallback: (seconds) => formatDuration(seconds),
        }),
      ],
    });

    const offs = [
      wavesurfer.on("timeupdate", (time) => playback.report({ time })),
      wavesurfer.on("play", () => playback.report({ playing: true })),
      wavesurfer.on("pause", () => playback.report({ playing: false })),
      wavesurfer.on("finish", () => playback.report({ playing: false })),
      wavesurfer.on("error", () => setFailed(true)),
    ];
    const detach = playback.attach({
      seek: (seconds) => wavesurfer.setTime(seconds),
      toggle: () => {
        wavesurfer.playPause().catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === "AbortError")) setFailed(true);
        });
      },
      setRate: (rate) => wavesurfer.setPlaybackRate(rate, true),
      setVolume: (volume) => wavesurfer.setVolume(volume),
      setMuted: (muted) => wavesurfer.setMuted(muted),
    });
    // Where the URL (t=…) or a click on the timeline asked to start, once the audio can seek
    // (setting the source resets the position).
    offs.push(
      wavesurfer.once("ready", () => {
        const start = Math.min(playback.getState().time, peaks.duration);
        if (start > 0) wavesurfer.setTime(start);
      }),
    );
    offs.push(wavesurfer.once("redrawcomplete", () => markPerf(PERF_MARKS.waveformDrawn)));
    playback.report({ duration: peaks.duration, ready: true });

    return () => {
      for (const off of offs) off();
      detach();
      wavesurfer.destroy();
      // Stop streaming the old recording: the element is ours, not wavesurfer's.
      media.pause();
      media.removeAttribute("src");
      media.load();
    };
  }, [peaks, transactionId, playback]);

  return (
    <PlayerFrame transactionId={transactionId} playback={playback} failed={failed}>
      <div className="flex gap-2" style={CHANNEL_STYLE}>
        <div className="flex w-20 shrink-0 flex-col text-[12px] font-medium" aria-hidden="true">
          <span
            className="flex items-center"
            style={{ height: CHANNEL_HEIGHT, color: "var(--channel-agent)" }}
          >
            {messages.channels.agent}
          </span>
          <span
            className="flex items-center"
            style={{ height: CHANNEL_HEIGHT, color: "var(--channel-customer)" }}
          >
            {messages.channels.customer}
          </span>
        </div>
        <PositionSlider>
          <div ref={waveformRef} className="min-w-0 flex-1 cursor-pointer" />
        </PositionSlider>
      </div>
      {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer */}
      <audio ref={audioRef} preload="metadata" aria-label={messages.heading} className="hidden" />
    </PlayerFrame>
  );
}

/** The waveform as a slider: what a screen reader announces and what the arrow keys move. */
function PositionSlider({ children }: { children: ReactNode }) {
  const messages = useMessages(callDetailMessages).recording;
  const second = usePlaybackSelector((state) => Math.floor(state.time));
  const duration = usePlaybackValue("duration");
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={messages.position}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={second}
      aria-valuetext={messages.positionText(formatDuration(second), formatDuration(duration))}
      className="flex min-w-0 flex-1 flex-col rounded outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      {children}
    </div>
  );
}

/** Without peaks: the browser's own player, still driving the leg timeline's position line. */
function PlainAudio({ transactionId }: { transactionId: string }) {
  const messages = useMessages(callDetailMessages).recording;
  const playback = usePlayback();
  const audioRef = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const media = audioRef.current;
    if (!media) return;
    return attachMedia(media, playback);
  }, [playback]);
  return (
    // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer
    <audio
      ref={audioRef}
      controls
      preload="metadata"
      aria-label={messages.heading}
      className="w-full"
      src={recordingUrl(transactionId)}
    />
  );
}

function attachMedia(media: HTMLAudioElement, playback: Playback): () => void {
  const report = () =>
    playback.report({
      time: media.currentTime,
      playing: !media.paused,
      duration: Number.isFinite(media.duration) ? media.duration : 0,
    });
  const events = ["timeupdate", "play", "pause", "ended", "loadedmetadata", "seeked"] as const;
  for (const event of events) media.addEventListener(event, report);
  const state = playback.getState();
  media.currentTime = state.time;
  media.playbackRate = state.rate;
  const detach = playback.attach({
    seek: (seconds) => {
      media.currentTime = seconds;
    },
    toggle: () => {
      if (media.paused) void media.play().catch(() => undefined);
      else media.pause();
    },
    setRate: (rate) => {
      media.playbackRate = rate;
    },
    setVolume: (volume) => {
      media.volume = volume;
    },
    setMuted: (muted) => {
      media.muted = muted;
    },
  });
  playback.report({ ready: true });
  return () => {
    for (const event of events) media.removeEventListener(event, report);
    detach();
  };
}

const TYPING = "input, select, textarea";

function PlayerFrame({
  transactionId,
  playback,
  failed,
  children,
}: {
  transactionId: string;
  playback: Playback;
  failed: boolean;
  children: ReactNode;
}) {
  const messages = useMessages(callDetailMessages).recording;
  const keysId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest(TYPING)) return;
    const onControl = target.closest("button, a") !== null;
    const step = event.shiftKey ? 10 : 5;
    switch (event.key) {
      case " ":
        if (onControl) return;
        playback.toggle();
        break;
      case "ArrowLeft":
        playback.skip(-step);
        break;
      case "ArrowRight":
        playback.skip(step);
        break;
      case "Home":
        playback.seek(0);
        break;
      case "End":
        playback.seek(playback.getState().duration);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <fieldset aria-describedby={keysId} onKeyDown={onKeyDown} className="min-w-0 space-y-2">
      <legend className="sr-only">{messages.player}</legend>
      {children}
      <Controls transactionId={transactionId} />
      {failed && (
        <p role="alert" className="text-[var(--status-missed)]">
          {messages.loadFailed}
        </p>
      )}
      <p id={keysId} className="text-[12px] text-slate-500">
        {messages.keys}
      </p>
    </fieldset>
  );
}

function Controls({ transactionId }: { transactionId: string }) {
  const messages = useMessages(callDetailMessages).recording;
  const playback = usePlayback();
  const playing = usePlaybackValue("playing");
  const ready = usePlaybackValue("ready");
  const second = usePlaybackSelector((state) => Math.floor(state.time));
  const duration = usePlaybackValue("duration");
  const rate = usePlaybackValue("rate");
  const volume = usePlaybackValue("volume");
  const muted = usePlaybackValue("muted");
  const [copied, setCopied] = useState<{ seconds: number; url: string; manual: boolean } | null>(
    null,
  );
  const speedId = useId();

  const copyLink = async () => {
    const seconds = Math.floor(playback.getState().time);
    const url = new URL(window.location.href);
    url.searchParams.set("call", transactionId);
    url.searchParams.set("t", String(seconds));
    try {
      await navigator.clipboard.writeText(url.href);
      setCopied({ seconds, url: url.href, manual: false });
    } catch {
      // No clipboard (permission refused, insecure page): show the link to copy by hand.
      setCopied({ seconds, url: url.href, manual: true });
    }
  };

  const icon = "size-4";
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          onClick={() => playback.toggle()}
          disabled={!ready}
          aria-label={playing ? messages.pause : messages.play}
          className={buttonClassName({ variant: "primary", size: "icon" })}
        >
          {playing ? (
            <Pause className={icon} aria-hidden="true" fill="currentColor" />
          ) : (
            <Play className={icon} aria-hidden="true" fill="currentColor" />
          )}
        </button>
        {[-10, -5, 5, 10].map((seconds) => (
          <button
            key={seconds}
            type="button"
            onClick={() => playback.skip(seconds)}
            aria-label={messages.skip(seconds)}
            title={messages.skip(seconds)}
            className={buttonClassName({
              variant: "ghost",
              className: "h-8 gap-0.5 px-1.5 text-[12px]",
            })}
          >
            {seconds < 0 ? (
              <RotateCcw className="size-3.5" aria-hidden="true" />
            ) : (
              <RotateCw className="size-3.5" aria-hidden="true" />
            )}
            <span aria-hidden="true">{Math.abs(seconds)}</span>
          </button>
        ))}
        <span className="ml-1 font-medium tabular-nums" aria-hidden="true">
          {formatDuration(second)} / {formatDuration(duration)}
        </span>
        <span className="ml-auto flex items-center gap-1">
          <label htmlFor={speedId} className="text-[12px] text-slate-500">
            {messages.speed}
          </label>
          <select
            id={speedId}
            value={rate}
            onChange={(event) => playback.setRate(Number(event.target.value))}
            className="h-8 rounded-md border border-slate-300 bg-white px-1 text-[13px] tabular-nums"
          >
            {PLAYBACK_RATES.map((option) => (
              <option key={option} value={option}>
                {option}×
              </option>
            ))}
          </select>
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          onClick={() => playback.setMuted(!muted)}
          aria-label={muted ? messages.unmute : messages.mute}
          aria-pressed={muted}
          className={buttonClassName({ variant: "ghost", size: "icon" })}
        >
          {muted || volume === 0 ? (
            <VolumeX className={icon} aria-hidden="true" />
          ) : (
            <Volume2 className={icon} aria-hidden="true" />
          )}
        </button>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={muted ? 0 : volume}
          onChange={(event) => playback.setVolume(Number(event.target.value))}
          aria-label={messages.volume}
          aria-valuetext={`${Math.round((muted ? 0 : volume) * 100)}%`}
          className="w-24 accent-sky-700"
        />
        <a
          href={recordingUrl(transactionId, { download: true })}
          download
          className={buttonClassName({ variant: "outline", className: "ml-auto" })}
        >
          <Download className="size-3.5" aria-hidden="true" />
          {messages.download}
        </a>
        <button
          type="button"
          onClick={() => void copyLink()}
          className={buttonClassName({ variant: "outline" })}
        >
          <Link className="size-3.5" aria-hidden="true" />
          {messages.copyLink(formatDuration(second))}
        </button>
      </div>
      <div role="status" className="text-[12px] text-slate-600">
        {copied &&
          (copied.manual ? (
            <label className="flex items-center gap-1">
              {messages.copyManually}
              <input
                readOnly
                value={copied.url}
                onFocus={(event) => event.currentTarget.select()}
                className="min-w-0 flex-1 rounded border border-slate-300 px-1 font-mono text-[11px]"
              />
            </label>
          ) : (
            messages.linkCopied(formatDuration(copied.seconds))
          ))}
      </div>
    </div>
  );
}
