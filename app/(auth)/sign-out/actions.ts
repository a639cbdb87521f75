"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { currentSessionToken } from "@/lib/identity/request-user";
import { SESSION_COOKIE, signOut } from "@/lib/identity/sessions";

/** Ends the session on the server (so a copied cookie is worthless too) and forgets the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut(db(), await currentSessionToken());
  (await cookies()).delete({ name: SESSION_COOKIE, path: "/" });
  redirect("/sign-in");
}
