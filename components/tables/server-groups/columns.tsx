import Link from "next/link";
import { projectPath } from "@/components/shell/project-sections";
import type { Column } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActionResult } from "@/lib/actions/action-client";
import { POLICY_LABEL } from "@/lib/networks/network-schema";
import type { ServerGroupView } from "@/lib/networks/server-groups";
import { deleteColumn } from "../delete-column";

/** A server action with the project bound: deletes one of its server groups. */
export type DeleteServerGroupCall = (input: { groupId: string }) => Promise<ActionResult<void>>;

export type ServerGroupColumnsOptions = { projectId: string; now: Date; remove?: DeleteServerGroupCall };

export function serverGroupColumns({ projectId, now, remove }: ServerGroupColumnsOptions): Column<ServerGroupView>[] {
  const columns: (Column<ServerGroupView> | false)[] = [
    { header: "Name", cell: (group) => group.name },
    { header: "Policy", cell: (group) => POLICY_LABEL[group.policy] },
    {
      header: "Members",
      cell: (group) =>
        group.members.length ? (
          <ul className="flex flex-wrap gap-x-2">
            {group.members.map((member) => (
              <li key={member.id}>
                <Link href={`${projectPath(projectId, "instances")}/${member.id}`} className="text-sky-800 hover:underline">
                  {member.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-500">none yet: choose the group when launching</span>
        ),
    },
    { header: "Hosts", showFrom: "sm", cell: (group) => (group.hostCount ? `on ${group.hostCount} ${group.hostCount === 1 ? "host" : "hosts"}` : "—"), numeric: true },
    { header: "Created", showFrom: "sm", cell: (group) => <RelativeTime date={new Date(group.createdAt)} now={now} suffix=" ago" /> },
    !!remove &&
      deleteColumn<ServerGroupView>({
        noun: "server group",
        run: (group) => remove.bind(null, { groupId: group.id }),
        consequence: (group) => `Its instances stay where they are; later launches are no longer kept ${group.policy === "affinity" ? "together" : "apart"} with them.`,
      }),
  ];
  return columns.filter((column) => column !== false);
}
