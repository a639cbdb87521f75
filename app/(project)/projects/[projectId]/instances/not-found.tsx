"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";

export default function InstanceNotFound() {
  const { projectId } = useParams<{ projectId: string }>();
  return (
    <div className="max-w-xl rounded-md border border-slate-200 bg-white p-4">
      <h1 className="font-semibold text-slate-900">Instance not found</h1>
      <p className="mt-1 text-slate-600">It was deleted, or it is not in this project.</p>
      <Link href={`/projects/${projectId}/instances`} className={buttonClass("secondary", "mt-3")}>
        Back to instances
      </Link>
    </div>
  );
}
