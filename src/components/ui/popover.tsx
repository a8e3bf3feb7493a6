/**
 * Popovers (filters, dates, columns) as the first screen needs them: only the trigger button.
 * The open popover (Radix, floating-ui: about 20 KB gzip) is popover-surface.tsx, loaded when the
 * browser is idle after the first paint, or at once when a trigger is approached; until then an
 * opened popover shows a small placeholder. Use as before: Popover > PopoverTrigger + PopoverContent.
 */
import { clsx } from "clsx";
import {
  type ComponentProps,
  createContext,
  type ReactNode,
  type RefObject,
  use,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import { runWhenIdle } from "@/lib/run-when-idle.ts";
import type { PopoverSurfaceProps } from "./popover-surface.tsx";

type SurfaceModule = typeof import("./popover-surface.tsx");

let surfaceModule: SurfaceModule | undefined;
let surfaceLoading: Promise<SurfaceModule> | undefined;

/** Loads the open popover's code (once); a failed load is tried again on the next call. */
export function preloadPopover(): Promise<SurfaceModule> {
  surfaceLoading ??= import("./popover-surface.tsx").then(
    (module) => {
      surfaceModule = module;
      return module;
    },
    (error: unknown) => {
      surfaceLoading = undefined;
      throw error;
    },
  );
  return surfaceLoading;
}

let idlePreloadScheduled = false;

/** After the first paint, when nothing else is going on, so a click rarely waits for it. */
function preloadWhenIdle() {
  if (idlePreloadScheduled || surfaceModule) return;
  idlePreloadScheduled = true;
  runWhenIdle(() => void preloadPopover().catch(() => undefined));
}

type PopoverState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  contentId: string;
};

const PopoverContext = createContext<PopoverState | null>(null);

function usePopoverState(part: string): PopoverState {
  const state = use(PopoverContext);
  if (!state) throw new Error(`${part} must be inside a Popover`);
  return state;
}

export function Popover({
  open: openProp,
  onOpenChange,
  children,
}: {
  /** Controlled when given (with onOpenChange); otherwise the popover keeps its own state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = openProp ?? ownOpen;
  const trigger = useRef<HTMLButtonElement>(null);
  const contentId = useId();
  const setOpen = useCallback(
    (next: boolean) => {
      if (openProp === undefined) setOwnOpen(next);
      onOpenChange?.(next);
    },
    [openProp, onOpenChange],
  );
  useEffect(preloadWhenIdle, []);
  const state = useMemo(() => ({ open, setOpen, trigger, contentId }), [open, setOpen, contentId]);
  return <PopoverContext value={state}>{children}</PopoverContext>;
}

/** A plain button, the same before and after the popover's code loads (focus never jumps). */
export function PopoverTrigger({
  onClick,
  onPointerEnter,
  onFocus,
  ...props
}: ComponentProps<"button">) {
  const { open, setOpen, trigger, contentId } = usePopoverState("PopoverTrigger");
  const preload = () => void preloadPopover().catch(() => undefined);
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? contentId : undefined}
      data-state={open ? "open" : "closed"}
      {...props}
      ref={trigger}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        preload();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        preload();
      }}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(!open);
      }}
    />
  );
}

export type PopoverContentProps = Omit<PopoverSurfaceProps, "id" | "trigger" | "onClose" | "host">;

/**
 * The content is rendered at once into a node of its own (`host`), so it can be used from the
 * first click: inside a plain placeholder panel while the popover's code loads, then moved into
 * the Radix surface. Moving the node keeps the content's React state (a typed date, a search).
 */
export function PopoverContent({ children, ...props }: PopoverContentProps) {
  const { open, setOpen, trigger, contentId } = usePopoverState("PopoverContent");
  const surface = useSurfaceWhen(open);
  const [host] = useState(() => document.createElement("div"));
  if (!open) return null;
  const close = () => setOpen(false);
  return (
    <>
      {createPortal(children, host)}
      {surface ? (
        <surface.PopoverSurface
          {...props}
          id={contentId}
          host={host}
          trigger={trigger}
          onClose={close}
        />
      ) : (
        <PendingPanel
          id={contentId}
          host={host}
          label={props["aria-label"]}
          className={props.className}
          onClose={() => {
            close();
            trigger.current?.focus();
          }}
        />
      )}
    </>
  );
}

/** The loaded module when `wanted`; renders again once a pending load finishes. */
function useSurfaceWhen(wanted: boolean): SurfaceModule | undefined {
  const [, setLoaded] = useState<SurfaceModule>();
  useEffect(() => {
    if (!wanted || surfaceModule) return;
    let current = true;
    preloadPopover().then(
      (module) => current && setLoaded(module),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return surfaceModule;
}

/**
 * For the few milliseconds of a load (or a slow network): the content under its trigger (the
 * panel's static position), closing on Escape. Placement, outside clicks and focus return are
 * the surface's, once it is there.
 */
function PendingPanel({
  id,
  host,
  label,
  className,
  onClose,
}: {
  id: string;
  host: HTMLElement;
  label: string | undefined;
  className: string | undefined;
  onClose: () => void;
}) {
  return (
    <div
      id={id}
      role="dialog"
      aria-label={label}
      aria-busy="true"
      ref={(panel) => {
        // Only when it is elsewhere: re-appending would take the focus out of the content.
        if (panel && host.parentNode !== panel) panel.append(host);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
      className={clsx(
        "absolute z-50 mt-9 rounded-lg border border-slate-200 bg-white text-[13px] text-slate-800 shadow-lg",
        className,
      )}
    />
  );
}
