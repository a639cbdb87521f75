import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { db } from "@/lib/db/client";
import { projectsOf } from "@/lib/identity/access";
import { requireAdmin } from "@/lib/identity/page-access";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  const projects = await projectsOf(db(), user);
  return (
    <AppShell user={user} projects={projects} currentProjectId={null}>
      {children}
    </AppShell>
  );
}
