import type { Metadata } from "next";
import { InstancesView } from "@/components/instances/instances-view";
import { db } from "@/lib/db/client";
import { requireProjectRole } from "@/lib/identity/page-access";
import { can } from "@/lib/identity/permissions";
import { launchOptions } from "@/lib/instances/launch-options";
import { listInstances } from "@/lib/instances/list-instances";
import { listQueryFrom } from "@/lib/instances/list-query";
import type { ProjectRouteProps } from "../../project-page-props";
import { INSTANCE_ACTION_CALLS } from "../action-calls";
import { launch } from "../actions";

export const metadata: Metadata = { title: "Instances" };

type Props = ProjectRouteProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InstancesPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { role } = await requireProjectRole(projectId);
  const search = await searchParams;
  // The page always starts at the top of the list; later pages come from the list API.
  const { cursor: _cursor, limit, ...filters } = listQueryFrom(search);
  const renderedAt = new Date().toISOString();
  const [firstPage, options] = await Promise.all([
    listInstances(db(), { role }, projectId, { ...filters, limit }),
    launchOptions(db(), projectId),
  ]);
  const launchImageId = search.launch === "1" ? (typeof search.imageId === "string" ? search.imageId : "") : null;

  return (
    <InstancesView
      projectId={projectId}
      filters={filters}
      firstPage={firstPage}
      renderedAt={renderedAt}
      showHost={can(role, "host:manage")}
      canLaunch={can(role, "instance:launch")}
      options={options}
      actions={INSTANCE_ACTION_CALLS}
      launch={launch}
      launchImageId={launchImageId}
    />
  );
}
