"use client";

import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { READY } from "@/lib/console/console-protocol";

type Phase = { state: "connecting" | "open" } | { state: "closed"; reason: string };

/** What to say when the server gave no reason: the upgrade was refused, or the network failed. */
function closeReason(event: CloseEvent): string {
  if (event.reason) return event.reason;
  if (event.code === 1006) return "The console could not connect, or the connection dropped. You may have been signed out or lost access, or the server is unreachable.";
  return `The console closed (code ${event.code}).`;
}

/**
 * An interactive shell in the instance: xterm.js in the page, a WebSocket to the server, and there
 * `docker exec sh` with a TTY. Keys go up as binary frames, output comes down the same way, and the
 * terminal's size follows the box it sits in. When the server closes it, its reason is shown with
 * a way to reconnect.
 */
export function ConsoleTerminal({ instanceId }: { instanceId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ state: "connecting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    void (async () => {
      // xterm needs the DOM: it loads in the browser only, and only on this tab.
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !box.current) return;
      const terminal = new Terminal({
        cursorBlink: true,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        fontSize: 13,
        scrollback: 5000,
        theme: { background: "#020617", foreground: "#e2e8f0" },
      });
      const fit = new FitAddon();
      terminal.loadAddon(fit);
      terminal.open(box.current);
      fit.fit();
      cleanups.push(() => terminal.dispose());

      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const socket = new WebSocket(`${scheme}://${location.host}/api/console/${encodeURIComponent(instanceId)}`);
      socket.binaryType = "arraybuffer";
      cleanups.push(() => socket.close(1000));
      const encoder = new TextEncoder();
      const sendSize = () => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "resize", cols: terminal.cols, rows: terminal.rows }));
      };

      socket.onopen = () => {
        sendSize();
        terminal.focus();
      };
      socket.onmessage = (event) => {
        if (typeof event.data === "string") {
          if (event.data === READY) setPhase({ state: "open" });
        } else terminal.write(new Uint8Array(event.data as ArrayBuffer));
      };
      socket.onclose = (event) => {
        if (disposed) return;
        terminal.options.disableStdin = true;
        terminal.options.cursorBlink = false;
        setPhase({ state: "closed", reason: closeReason(event) });
      };
      const input = terminal.onData((data) => socket.readyState === WebSocket.OPEN && socket.send(encoder.encode(data)));
      const resize = terminal.onResize(sendSize);
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(box.current);
      cleanups.push(() => {
        input.dispose();
        resize.dispose();
        observer.disconnect();
      });
    })();
    return () => {
      disposed = true;
      for (const cleanup of cleanups.reverse()) cleanup();
    };
  }, [instanceId, attempt]);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <p role="status" aria-live="polite" className={phase.state === "closed" ? "text-amber-800" : "text-slate-600"}>
          {phase.state === "connecting" && "Connecting: starting a shell in the instance…"}
          {phase.state === "open" && "Connected: a shell (sh) in the instance. Type exit to end it."}
          {phase.state === "closed" && `Disconnected: ${phase.reason}`}
        </p>
        {phase.state === "closed" && (
          <button
            type="button"
            onClick={() => {
              setPhase({ state: "connecting" });
              setAttempt((n) => n + 1);
            }}
            className={buttonClass("primary")}
          >
            Reconnect
          </button>
        )}
      </div>
      <div
        key={attempt}
        ref={box}
        aria-label="Terminal"
        className="h-[calc(100dvh-17rem)] min-h-72 overflow-hidden rounded-md bg-slate-950 p-2"
      />
    </div>
  );
}
