/** Radix popover with the app's surface; content renders in a portal above the table. */
import * as PopoverPrimitive from "@radix-ui/react-popover";
import { clsx } from "clsx";
import type { ComponentProps } from "react";

export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;
export const PopoverClose = PopoverPrimitive.Close;

export function PopoverContent({
  className,
  align = "start",
  sideOffset = 4,
  ...props
}: ComponentProps<typeof PopoverPrimitive.Content>) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content
        align={align}
        sideOffset={sideOffset}
        collisionPadding={8}
        className={clsx(
          "z-50 max-h-[var(--radix-popover-content-available-height)] overflow-auto rounded-lg border border-slate-200 bg-white text-[13px] text-slate-800 shadow-lg outline-none",
          className,
        )}
        {...props}
      />
    </PopoverPrimitive.Portal>
  );
}
