import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/identity/request-user";
import { safeNextPath } from "@/lib/identity/request-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next ?? "/");

  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="mr-1.5 text-sky-700">
            ⚓
          </span>
          Berth
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold text-slate-900">Sign in</h1>
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">Containers on your own Docker hosts.</p>
      </div>
    </main>
  );
}
