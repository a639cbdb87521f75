import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { resolveSession, SESSION_COOKIE, type SessionUser } from "./sessions";

/** The signed-in user of the current request (once per request), or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(db(), token);
});

export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}
