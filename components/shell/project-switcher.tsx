"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/class-names";
import type { ProjectSummary } from "@/lib/identity/access";
import { projectPath, projectSectionOf } from "./project-sections";

const MENU_ID = "project-switcher-menu";

/**
 * Lists the user's projects; choosing one keeps the current section (instances stay
 * instances). A native popover gives Escape and click-outside closing for free.
 */
export function ProjectSwitcher({ projects, currentProjectId }: { projects: ProjectSummary[]; currentProjectId: string | null }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDivElement>(null);
  const section = projectSectionOf(pathname);
  const current = projects.find((project) => project.id === currentProjectId);

  if (projects.length === 0) return <span className="text-slate-500">No projects</span>;

  return (
    <>
      <button
        type="button"
        popoverTarget={MENU_ID}
        className="flex min-w-0 max-w-full items-center gap-1.5 rounded-md px-2 py-1 ring-1 ring-slate-300 ring-inset [anchor-name:--project-switcher] hover:bg-slate-50"
      >
        <span className="sr-only text-slate-500 sm:not-sr-only">Project</span>
        <span className="max-w-48 truncate font-medium text-slate-900">{current?.name ?? "Choose"}</span>
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </button>
      <div
        id={MENU_ID}
        ref={menu}
        popover="auto"
        className="fixed inset-auto top-14 left-2 m-0 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg [position-anchor:--project-switcher] supports-[top:anchor(bottom)]:top-[anchor(bottom)] supports-[top:anchor(bottom)]:left-[anchor(left)]"
      >
        <p className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Switch project</p>
        <ul>
          {projects.map((project) => {
            const isCurrent = project.id === currentProjectId;
            return (
              <li key={project.id}>
                <Link
                  href={projectPath(project.id, section)}
                  aria-current={isCurrent ? "page" : undefined}
                  onClick={() => menu.current?.hidePopover()}
                  className={cn(
                    "flex items-center justify-between gap-2 rounded px-2 py-1.5",
                    isCurrent ? "bg-sky-50 font-medium text-sky-800" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  <span className="truncate">{project.name}</span>
                  <span className="flex gap-1">
                    {!project.enabled && <Badge tone="warning">disabled</Badge>}
                    <Badge>{project.role}</Badge>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
