import { redirect } from "next/navigation";
import { projectPath } from "@/components/shell/project-sections";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db/client";
import { projectsOf } from "@/lib/identity/access";
import { requireUser } from "@/lib/identity/page-access";

/** Berth's front door: the first project's overview, or sign-in. */
export default async function Home() {
  const user = await requireUser();
  const [firstProject] = await projectsOf(db(), user);
  if (firstProject) redirect(projectPath(firstProject.id, "overview"));
  if (user.isAdmin) redirect("/admin/hosts");

  return (
    <main className="mx-auto max-w-md p-4 pt-24">
      <EmptyState title="You are not in any project yet">
        <p>Ask an administrator to add {user.username} to a project.</p>
        <div className="mt-4 flex justify-center">
          <SignOutButton />
        </div>
      </EmptyState>
    </main>
  );
}
