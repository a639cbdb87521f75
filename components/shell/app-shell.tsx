import Link from "next/link";
import type { ReactNode } from "react";
import type { ProjectSummary } from "@/lib/identity/access";
import type { SessionUser } from "@/lib/identity/sessions";
import { ProjectSwitcher } from "./project-switcher";
import { SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";

/**
 * The frame of every signed-in page. Outside a project (the admin area) there is no current
 * project: the switcher asks for one and the project links lead to the first project.
 */
export function AppShell({
  user,
  projects,
  currentProjectId,
  children,
}: {
  user: SessionUser;
  projects: ProjectSummary[];
  currentProjectId: string | null;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-1.5"
      >
        Skip to content
      </a>
      <header className="flex items-center gap-x-3 border-b border-slate-200 bg-white px-3 py-2 md:gap-x-4 md:px-4">
        <Link href="/" className="shrink-0 rounded text-base font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="mr-1 text-sky-700">
            ⚓
          </span>
          Berth
        </Link>
        <div className="flex min-w-0 flex-1 items-center">
          <ProjectSwitcher projects={projects} currentProjectId={currentProjectId} />
        </div>
        <UserMenu user={user} />
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <SideNav projectId={currentProjectId ?? projects[0]?.id ?? null} isAdmin={user.isAdmin} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-3 outline-none md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
