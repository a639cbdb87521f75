"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useInstanceStream, type StreamState } from "@/components/instances/use-instance-stream";
import type { InstanceRow } from "@/lib/instances/instance-row";

type LiveInstance = { row: InstanceRow; deleted: boolean; stream: StreamState };

const Context = createContext<LiveInstance | null>(null);

/**
 * The instance's current state for every part of its page, kept live by the project's instance
 * stream (database notifications, no polling): a change to this instance arrives within a second.
 * When the stream (re)connects, changes may have been missed, so the row is read again.
 */
export function LiveInstanceProvider({ projectId, initialRow, children }: { projectId: string; initialRow: InstanceRow; children: ReactNode }) {
  const [row, setRow] = useState(initialRow);
  const [deleted, setDeleted] = useState(false);
  const id = initialRow.id;
  const newer = useCallback((fresh: InstanceRow) => setRow((known) => (fresh.updatedAt >= known.updatedAt ? fresh : known)), []);

  const reread = useCallback(async () => {
    const response = await fetch(`/api/projects/${projectId}/instances/${id}`, { cache: "no-store" });
    if (response.status === 404) return setDeleted(true);
    if (!response.ok) return;
    const { row: fresh } = (await response.json()) as { row: InstanceRow | null };
    if (fresh) newer(fresh);
    else setDeleted(true);
  }, [projectId, id, newer]);

  const stream = useInstanceStream(projectId, {
    onRows: ({ rows, removed }) => {
      if (removed.includes(id)) setDeleted(true);
      const mine = rows.find((r) => r.id === id);
      if (mine) newer(mine);
    },
    onSync: () => void reread().catch(() => undefined),
  });

  return <Context.Provider value={{ row, deleted, stream }}>{children}</Context.Provider>;
}

export function useLiveInstance(): LiveInstance {
  const live = useContext(Context);
  if (!live) throw new Error("useLiveInstance needs a LiveInstanceProvider around it");
  return live;
}

/** Re-renders the server parts of a tab when the instance changes, so they never show a stale state. */
export function RefreshOnChange() {
  const router = useRouter();
  const { row } = useLiveInstance();
  const shown = useRef(row.updatedAt);
  useEffect(() => {
    if (shown.current === row.updatedAt) return;
    shown.current = row.updatedAt;
    router.refresh();
  }, [row.updatedAt, router]);
  return null;
}
