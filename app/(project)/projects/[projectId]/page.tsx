import { redirect } from "next/navigation";
import { projectPath } from "@/components/shell/project-sections";
import type { ProjectRouteProps } from "./project-page-props";

export default async function ProjectHome({ params }: ProjectRouteProps) {
  redirect(projectPath((await params).projectId, "overview"));
}
