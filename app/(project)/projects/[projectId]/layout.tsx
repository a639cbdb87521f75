import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { db } from "@/lib/db/client";
import { projectsOf } from "@/lib/identity/access";
import { requireProjectRole } from "@/lib/identity/page-access";
import type { ProjectRouteProps } from "./project-page-props";

export default async function ProjectLayout({ params, children }: ProjectRouteProps & { children: ReactNode }) {
  const { projectId } = await params;
  const { user } = await requireProjectRole(projectId);
  const projects = await projectsOf(db(), user);
  return (
    <AppShell user={user} projects={projects} currentProjectId={projectId}>
      {children}
    </AppShell>
  );
}
