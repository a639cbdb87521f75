/** How many lines the log tab opens on. */
export const FIRST_PAGE_LINES = 1000;
/** The most one page of older lines may hold. */
export const MAX_PAGE_LINES = 20_000;
/**
 * The most lines the viewer keeps in the browser: enough to scroll through comfortably, small
 * enough to stay fast. The download has the rest.
 */
export const VIEWER_MAX_LINES = 200_000;
/** How far back from the end paging reaches: the viewer's window and what arrives while it pages. */
export const MAX_DEPTH_LINES = VIEWER_MAX_LINES + 50_000;
