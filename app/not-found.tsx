import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md p-4 pt-24 text-center">
      <p className="text-sm font-semibold text-sky-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-slate-600">There is nothing here, or nothing you have access to.</p>
      <Link href="/" className={buttonClass("secondary", "mt-6")}>
        Back to Berth
      </Link>
    </main>
  );
}
