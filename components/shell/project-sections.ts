/** The pages every project has, in navigation order. */
export const PROJECT_SECTIONS = [
  { segment: "overview", label: "Overview" },
  { segment: "instances", label: "Instances" },
  { segment: "images", label: "Images" },
  { segment: "flavors", label: "Flavors" },
  { segment: "networks", label: "Networks" },
] as const;

export type ProjectSection = (typeof PROJECT_SECTIONS)[number]["segment"];

/** The project section a path shows, so switching projects can stay on it; overview otherwise. */
export function projectSectionOf(pathname: string): ProjectSection {
  const segment = pathname.match(/^\/projects\/[^/]+\/([^/?#]+)/)?.[1];
  return PROJECT_SECTIONS.find((section) => section.segment === segment)?.segment ?? "overview";
}

export function projectPath(projectId: string, section: ProjectSection): string {
  return `/projects/${projectId}/${section}`;
}
