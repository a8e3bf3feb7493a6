/** The app's buttons: one look per purpose, sized for a dense screen. */
import { clsx } from "clsx";
import type { ComponentProps } from "react";

export type ButtonVariant = "outline" | "ghost" | "primary";
export type ButtonSize = "sm" | "icon";

const VARIANTS: Record<ButtonVariant, string> = {
  outline:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 aria-expanded:bg-slate-100 aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900",
  ghost: "text-slate-700 hover:bg-slate-200/70 aria-pressed:bg-slate-200",
  primary: "bg-sky-700 text-white hover:bg-sky-800",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 gap-1.5 px-2.5 text-[13px]",
  icon: "size-8 justify-center",
};

export function buttonClassName({
  variant = "outline",
  size = "sm",
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  return clsx(
    "inline-flex shrink-0 items-center rounded-md font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600",
    "disabled:pointer-events-none disabled:opacity-45",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return (
    <button type={type} className={buttonClassName({ variant, size, className })} {...props} />
  );
}
