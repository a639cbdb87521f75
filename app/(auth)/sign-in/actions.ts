"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionError } from "@/lib/actions";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isBerthError } from "@/lib/errors";
import { safeNextPath } from "@/lib/identity/request-path";
import { SESSION_COOKIE, signIn } from "@/lib/identity/sessions";
import { logger } from "@/lib/logger";
import { validateSignIn } from "./sign-in-schema";

/** What the form shows after a failed attempt; the username comes back so it need not be typed again. */
export type SignInState = { error: ActionError; username: string } | null;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const username = String(formData.get("username") ?? "");
  const input = validateSignIn(Object.fromEntries(formData));
  if (!input.ok) {
    return { username, error: { code: "INVALID_INPUT", message: "Enter your username and password.", fields: input.fields } };
  }

  let session: Awaited<ReturnType<typeof signIn>>;
  try {
    session = await signIn(db(), input.data.username, input.data.password, env().BERTH_SESSION_TTL_HOURS);
  } catch (error) {
    if (isBerthError(error)) return { username, error: { code: error.code, message: error.message } };
    logger.error({ err: error }, "sign-in failed unexpectedly");
    return { username, error: { code: "INTERNAL", message: "Something went wrong on the server; it has been logged." } };
  }

  (await cookies()).set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().BERTH_SECURE_COOKIES,
    path: "/",
    expires: session.expiresAt,
  });
  redirect(safeNextPath(input.data.next) ?? "/");
}
