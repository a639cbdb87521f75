import { cn } from "./class-names";

const VARIANTS = {
  primary: "bg-sky-700 text-white shadow-sm hover:bg-sky-800 disabled:bg-sky-700/60",
  secondary: "bg-white text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  quiet: "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 disabled:bg-red-700/60",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The one look for buttons, and for links that act as buttons. */
export function buttonClass(variant: ButtonVariant = "secondary", extra?: string): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed",
    VARIANTS[variant],
    extra,
  );
}
