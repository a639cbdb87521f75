/** What Next hands every page and layout under /projects/[projectId]. */
export type ProjectRouteProps = { params: Promise<{ projectId: string }> };
