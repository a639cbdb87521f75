"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { formatCount } from "@/components/ui/format";
import { FIRST_PAGE_LINES, MAX_PAGE_LINES, VIEWER_MAX_LINES } from "@/lib/instances/log-limits";
import type { LogLine } from "@/lib/instances/log-lines";
import { findMatches, LogWindow, nextPageSize, searchPattern } from "./log-window";
import { LogRow, ROW_HEIGHT } from "./log-row";

export type InitialLog = { lines: LogLine[]; atStart: boolean } | { error: string };

type Follow = { state: "connecting" | "live" | "reconnecting" } | { state: "ended"; message: string };
type Older = { state: "idle" | "loading" } | { state: "error"; message: string };

// Asking for older lines starts this close to the top, so they are usually there before the reader is.
const LOAD_OLDER_WITHIN = 60 * ROW_HEIGHT;
// Server-rendered before the script runs: enough to fill the viewer, not the whole page.
const FIRST_PAINT_ROWS = 60;

const noSubscribe = () => () => {};

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

/**
 * The log tab: opens on the last lines (rendered on the server, so they paint before any script),
 * follows new lines live over server-sent events, and fetches older ones as the reader scrolls up.
 * Only the rows in view exist in the page (fixed-height rows, virtualised), so the window stays
 * smooth up to its cap of `VIEWER_MAX_LINES`.
 */
export function LogViewer({ api, name, initial, running }: { api: string; name: string; initial: InitialLog; running: boolean }) {
  const [log] = useState(() => {
    const window = new LogWindow(VIEWER_MAX_LINES);
    if ("lines" in initial) window.append(initial.lines);
    return window;
  });
  const [version, setVersion] = useState(log.version);
  const [atStart, setAtStart] = useState("lines" in initial && initial.atStart);
  const [follow, setFollow] = useState<Follow>({ state: "connecting" });
  const [older, setOlder] = useState<Older>({ state: "idle" });
  const [paused, setPaused] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const [timestamps, setTimestamps] = useState(false);
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState(0);
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);

  const scroller = useRef<HTMLDivElement>(null);
  // Rows added above or removed from above the view since the last paint: the view is shifted by as much.
  const shift = useRef(0);
  const autoScroll = !paused && atBottom;

  const lines = log.lines;
  // The viewer re-renders on every change of the window anyway; nothing here relies on the compiler memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  const deferredQuery = useDeferredValue(query);
  const pattern = useMemo(() => searchPattern(deferredQuery), [deferredQuery]);
  // `version` stands for the window's content, which changes in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matches = useMemo(() => findMatches(lines, pattern), [lines, pattern, version]);
  const currentLine = matches.length ? matches[Math.min(current, matches.length - 1)] : -1;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (autoScroll) element.scrollTop = element.scrollHeight;
    else if (shift.current) element.scrollTop += shift.current * ROW_HEIGHT;
    shift.current = 0;
  }, [version, mounted, autoScroll]);

  const receive = useCallback(
    (fresh: LogLine[], gap: boolean) => {
      shift.current -= log.append(fresh, gap);
      setUnseen((n) => n + fresh.length);
      setVersion(log.version);
    },
    [log],
  );

  // Follow while the container runs; when it stops the stream ends, and it starts again with the instance.
  useEffect(() => {
    if (!running || "error" in initial) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const end = log.end();
      source = new EventSource(`${api}/logs/stream${end ? `?after=${encodeURIComponent(end.ts)}&held=${end.held}` : ""}`);
      source.onopen = () => setFollow({ state: "live" });
      source.addEventListener("lines", (event) => {
        const { lines: fresh, gap } = JSON.parse((event as MessageEvent<string>).data) as { lines: LogLine[]; gap?: boolean };
        receive(fresh, !!gap);
      });
      source.addEventListener("end", (event) => {
        source?.close();
        setFollow({ state: "ended", message: (JSON.parse((event as MessageEvent<string>).data) as { message: string }).message });
      });
      // The browser would reconnect with the same (now stale) position: reconnect from where the window ends instead.
      source.onerror = () => {
        source?.close();
        setFollow({ state: "reconnecting" });
        retry = setTimeout(connect, 2000);
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(retry);
    };
  }, [api, running, initial, log, receive]);

  const loadOlder = useCallback(async () => {
    const start = log.start();
    if (!start || atStart || log.full || older.state === "loading") return;
    setOlder({ state: "loading" });
    const limit = nextPageSize(start.skip, FIRST_PAGE_LINES, MAX_PAGE_LINES);
    const query = `before=${encodeURIComponent(start.before.ts)}&held=${start.before.held}&skip=${start.skip}&limit=${limit}`;
    try {
      const response = await fetch(`${api}/logs?${query}`, { cache: "no-store" });
      if (!response.ok) return setOlder({ state: "error", message: await errorMessage(response) });
      const page = (await response.json()) as { lines: LogLine[]; atStart: boolean };
      // Lines fell off the top while this was on its way: these would no longer join up.
      const now = log.start();
      if (!now || now.before.ts !== start.before.ts || now.before.held !== start.before.held) return setOlder({ state: "idle" });
      const added = log.prepend(page.lines);
      shift.current += added;
      if (page.atStart && added === page.lines.length) setAtStart(true);
      setOlder({ state: "idle" });
      setVersion(log.version);
    } catch {
      setOlder({ state: "error", message: "The server could not be reached." });
    }
  }, [api, atStart, log, older.state]);

  // Lines can land between a scroll to the end and its scroll event: only the reader scrolling up leaves the bottom.
  const lastTop = useRef(0);
  const onScroll = () => {
    const element = scroller.current!;
    const top = element.scrollTop;
    const bottom = top + element.clientHeight >= element.scrollHeight - 2 * ROW_HEIGHT;
    if (bottom) setAtBottom(true);
    else if (top < lastTop.current) setAtBottom(false);
    lastTop.current = top;
    if (bottom && !paused) setUnseen(0);
    if (top < LOAD_OLDER_WITHIN) void loadOlder();
  };

  const jumpToEnd = () => {
    setPaused(false);
    setAtBottom(true);
    setUnseen(0);
  };

  const showMatch = useCallback(
    (index: number) => {
      setCurrent(index);
      // Following would pull the view away from the match at the next line.
      setPaused(true);
      virtualizer.scrollToIndex(matches[index], { align: "center" });
    },
    [matches, virtualizer],
  );
  const goToMatch = (step: number) => {
    if (matches.length) showMatch((Math.min(current, matches.length - 1) + step + matches.length) % matches.length);
  };
  // A new search goes to the first match from the top of the view down (or the last one above it), as a browser's find does.
  const searched = useRef<RegExp | null>(null);
  useEffect(() => {
    if (pattern === searched.current) return;
    searched.current = pattern;
    if (!matches.length) return;
    const top = Math.floor((scroller.current?.scrollTop ?? 0) / ROW_HEIGHT);
    const below = matches.findIndex((line) => line >= top);
    showMatch(below >= 0 ? below : matches.length - 1);
  }, [pattern, matches, showMatch]);

  if ("error" in initial) {
    return (
      <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-amber-900">
        <p className="font-medium">No log to show</p>
        <p className="mt-1">{initial.error}</p>
      </div>
    );
  }

  const firstPaint = lines.slice(-FIRST_PAINT_ROWS);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <form
          role="search"
          className="flex w-full items-center gap-1 sm:w-auto sm:flex-1"
          onSubmit={(event) => {
            event.preventDefault();
            goToMatch(1);
          }}
        >
          <label htmlFor="log-search" className="sr-only">
            Search the loaded lines
          </label>
          <input
            id="log-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && event.shiftKey) {
                event.preventDefault();
                goToMatch(-1);
              }
            }}
            placeholder="Search loaded lines"
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-900 shadow-sm sm:max-w-72"
          />
          <span aria-live="polite" className="w-20 shrink-0 text-center text-xs whitespace-nowrap tabular-nums text-slate-600">
            {deferredQuery ? (matches.length ? `${Math.min(current, matches.length - 1) + 1} of ${formatCount(matches.length)}` : "no match") : ""}
          </span>
          <button type="button" onClick={() => goToMatch(-1)} disabled={!matches.length} className={buttonClass("secondary", "px-2")} aria-label="Previous match">
            ↑
          </button>
          <button type="submit" disabled={!matches.length} className={buttonClass("secondary", "px-2")} aria-label="Next match">
            ↓
          </button>
        </form>
        <label className="flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={timestamps} onChange={(event) => setTimestamps(event.target.checked)} className="size-4" />
          Timestamps
        </label>
        <button type="button" onClick={() => (paused ? jumpToEnd() : setPaused(true))} className={buttonClass("secondary")} aria-pressed={paused}>
          {paused ? `Resume live${unseen ? ` (${formatCount(unseen)} new)` : ""}` : "Pause live"}
        </button>
        <a href={`${api}/logs/download?timestamps=${timestamps ? 1 : 0}`} download className={buttonClass("secondary")}>
          Download
        </a>
      </div>

      <div className="relative">
        <div
          ref={scroller}
          onScroll={mounted ? onScroll : undefined}
          tabIndex={0}
          role="log"
          aria-live="off"
          aria-label={`Log of ${name}`}
          className="h-[calc(100dvh-19rem)] min-h-72 overflow-auto rounded-md bg-slate-950 font-mono text-[12.5px] text-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          {lines.length === 0 ? (
            <p className="p-3 text-slate-400">No output yet.{running ? " New lines appear here as the instance prints them." : ""}</p>
          ) : mounted ? (
            <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => (
                <LogRow
                  key={item.index}
                  line={lines[item.index]}
                  top={item.start}
                  timestamps={timestamps}
                  pattern={pattern}
                  current={item.index === currentLine}
                />
              ))}
            </div>
          ) : (
            <div className="flex min-h-full flex-col justify-end">
              {firstPaint.map((line, index) => (
                <LogRow key={index} line={line} timestamps={timestamps} pattern={null} current={false} />
              ))}
            </div>
          )}
        </div>
        {!autoScroll && unseen > 0 && !paused && (
          <button type="button" onClick={jumpToEnd} className={buttonClass("primary", "absolute right-4 bottom-3 shadow-md")}>
            ↓ {formatCount(unseen)} new
          </button>
        )}
      </div>

      <p className="flex flex-wrap gap-x-3 text-xs text-slate-600" aria-live="polite">
        <span className="tabular-nums">{formatCount(lines.length)} lines loaded</span>
        <FollowNote follow={follow} running={running} paused={paused} />
        <OlderNote older={older} atStart={atStart} full={log.full} retry={() => void loadOlder()} />
      </p>
    </div>
  );
}

function FollowNote({ follow, running, paused }: { follow: Follow; running: boolean; paused: boolean }) {
  if (!running) return <span>Not following: the instance is not running.</span>;
  if (follow.state === "ended") return <span>{follow.message}</span>;
  if (follow.state === "reconnecting") return <span className="text-amber-700">Connection lost; reconnecting… (if you signed out, sign in again)</span>;
  if (follow.state === "live") return <span className="text-emerald-700">{paused ? "Paused: new lines are kept below." : "Following live"}</span>;
  return <span>Connecting…</span>;
}

function OlderNote({ older, atStart, full, retry }: { older: Older; atStart: boolean; full: boolean; retry: () => void }) {
  if (older.state === "loading") return <span>Loading older lines…</span>;
  if (older.state === "error") {
    return (
      <span className="text-red-700">
        Older lines could not be loaded: {older.message}{" "}
        <button type="button" onClick={retry} className="underline">
          Try again
        </button>
      </span>
    );
  }
  if (full) return <span>The viewer keeps the latest {formatCount(VIEWER_MAX_LINES)} lines; download the log for all of it.</span>;
  return atStart ? <span>Start of the log.</span> : <span>Scroll up for older lines.</span>;
}
