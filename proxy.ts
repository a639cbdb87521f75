import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/identity/request-path";

/**
 * Server components cannot see the URL they render for; page guards need it to send a
 * signed-out visitor to sign-in and back. Access itself is checked by the guards, not here.
 */
export function proxy(request: NextRequest) {
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = { matcher: ["/projects/:path*", "/admin/:path*"] };
