"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { buttonClass } from "./button-class";
import { cn } from "./class-names";

export type MenuItem = { key: string; label: string; onSelect: () => void; danger?: boolean };

/**
 * A button that opens a list of commands. The list is a popover in the top layer, so a scrolling
 * table cannot clip it; it closes on Escape, on a click elsewhere and after a choice. Arrow keys,
 * Home and End move between items.
 */
export function Menu({ label, items, children }: { label: string; items: MenuItem[]; children: ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const entries = () => [...(list.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];

  const place = () => {
    const anchor = button.current?.getBoundingClientRect();
    const menu = list.current;
    if (!anchor || !menu) return;
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    const below = anchor.bottom + 4 + height <= window.innerHeight;
    menu.style.top = `${below ? anchor.bottom + 4 : Math.max(4, anchor.top - 4 - height)}px`;
    menu.style.left = `${Math.max(4, Math.min(anchor.left, window.innerWidth - width - 4))}px`;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = entries();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-controls={id}
        popoverTarget={id}
        disabled={items.length === 0}
        className={buttonClass("quiet", "px-1.5 py-1 disabled:opacity-40")}
      >
        {children}
        <span className="sr-only">{label}</span>
      </button>
      <div
        ref={list}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        onKeyDown={onKeyDown}
        onToggle={(event) => {
          if (event.newState !== "open") return;
          place();
          entries()[0]?.focus();
        }}
        className="fixed inset-auto m-0 min-w-40 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {items.map((item) => (
          <button
            key={item.key}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              list.current?.hidePopover();
              item.onSelect();
            }}
            className={cn(
              "block w-full px-3 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100",
              item.danger ? "text-red-700" : "text-slate-800",
            )}
          >
            {item.label}
          </button>
        ))}
      </div>
    </>
  );
}
