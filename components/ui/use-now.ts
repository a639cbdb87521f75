"use client";

import { useEffect, useState } from "react";

/** The current time, ticking every `everyMs`; it starts at the server's clock so the first render matches. */
export function useNow(start: string, everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date(start));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
