/**
 * The open popover itself (Radix: placement, focus, Escape and outside clicks), in a chunk of its
 * own: popover.tsx loads it when a popover is first approached, so the first screen does not carry
 * Radix and floating-ui. The trigger stays popover.tsx's own button, which Radix anchors to.
 */
import * as PopoverPrimitive from "@radix-ui/react-popover";
import { clsx } from "clsx";
import { type ComponentProps, type RefObject, useRef } from "react";

export type PopoverSurfaceProps = Omit<ComponentProps<typeof PopoverPrimitive.Content>, "id"> & {
  id: string;
  /** The content's own node (popover.tsx renders into it), placed inside the surface. */
  host: HTMLElement;
  trigger: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
};

export function PopoverSurface({
  id,
  host,
  trigger,
  onClose,
  className,
  align = "start",
  sideOffset = 4,
  onInteractOutside,
  onCloseAutoFocus,
  ...props
}: PopoverSurfaceProps) {
  // As Radix's own trigger would: focus goes back to the button unless the user went elsewhere.
  const interactedOutside = useRef(false);
  const pointerDownOutside = useRef(false);
  return (
    <PopoverPrimitive.Root open onOpenChange={(open) => open || onClose()}>
      <PopoverPrimitive.Anchor virtualRef={trigger as RefObject<HTMLButtonElement>} />
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          id={id}
          ref={(content) => {
            // Only when it is elsewhere: re-appending would take the focus out of the content.
            if (content && host.parentNode !== content) content.append(host);
          }}
          align={align}
          sideOffset={sideOffset}
          collisionPadding={8}
          className={clsx(
            "z-50 max-h-[var(--radix-popover-content-available-height)] overflow-auto rounded-lg border border-slate-200 bg-white text-[13px] text-slate-800 shadow-lg outline-none",
            className,
          )}
          onInteractOutside={(event) => {
            onInteractOutside?.(event);
            if (!event.defaultPrevented) {
              interactedOutside.current = true;
              if (event.detail.originalEvent.type === "pointerdown") {
                pointerDownOutside.current = true;
              }
            }
            // A press on the trigger is its own toggle, not a dismissal followed by a reopening.
            if (event.target instanceof Node && trigger.current?.contains(event.target)) {
              event.preventDefault();
            }
            if (event.detail.originalEvent.type === "focusin" && pointerDownOutside.current) {
              event.preventDefault();
            }
          }}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            if (!interactedOutside.current) trigger.current?.focus();
            event.preventDefault();
          }}
          {...props}
        />
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
