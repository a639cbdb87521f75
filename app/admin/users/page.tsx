import type { Metadata } from "next";
import Link from "next/link";
import { TwoColumns } from "@/components/admin/two-columns";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTimestamp } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { listUsers, type AdminUser } from "@/lib/identity/list-users";
import { requireAdmin } from "@/lib/identity/page-access";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const me = await requireAdmin();
  const users = await listUsers(db());

  const columns: Column<AdminUser>[] = [
    {
      header: "Username",
      cell: (u) => (
        <>
          {u.username}
          {u.displayName && <div className="text-xs font-normal text-slate-500">{u.displayName}</div>}
        </>
      ),
    },
    {
      header: "Account",
      cell: (u) => (
        <span className="inline-flex flex-wrap gap-1">
          {u.isAdmin && <Badge tone="info">admin</Badge>}
          {u.enabled ? "enabled" : <Badge tone="warning">disabled</Badge>}
        </span>
      ),
    },
    {
      header: "Projects",
      cell: (u) =>
        u.memberships.length ? (
          <ul className="text-xs">
            {u.memberships.map((m) => (
              <li key={m.project.id} className="whitespace-nowrap">
                <Link href={`/admin/projects/${m.project.id}`} className="text-sky-800 hover:underline">
                  {m.project.name}
                </Link>{" "}
                <span className="text-slate-500">{m.role}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-500">{u.isAdmin ? "every project, as admin" : "none"}</span>
        ),
    },
    { header: "Created", cell: (u) => <span className="text-xs whitespace-nowrap">{formatTimestamp(u.createdAt)}</span> },
    {
      header: "Actions",
      headerHidden: true,
      cell: (u) => <UserRowActions user={{ id: u.id, username: u.username, enabled: u.enabled, self: u.id === me.id }} />,
    },
  ];

  return (
    <>
      <PageHeader title="Users" description="Who can sign in. Disabling a user or resetting their password ends their sessions at once." />
      <TwoColumns
        main={<DataTable label="Users" columns={columns} rows={users} empty={<EmptyState title="No users">Create the first one.</EmptyState>} />}
        aside={
          <Panel title="Create user">
            <CreateUserForm />
          </Panel>
        }
      />
    </>
  );
}
