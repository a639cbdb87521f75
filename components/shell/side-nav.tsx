"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/class-names";
import { PROJECT_SECTIONS, projectPath } from "./project-sections";

type NavGroup = { title: string; links: { href: string; label: string }[] };

/** A column beside the page on wide screens; a scrolling row above it on narrow ones. */
export function SideNav({ projectId, isAdmin }: { projectId: string | null; isAdmin: boolean }) {
  const pathname = usePathname();
  const groups: NavGroup[] = [];
  if (projectId) {
    groups.push({
      title: "Project",
      links: PROJECT_SECTIONS.map((section) => ({ href: projectPath(projectId, section.segment), label: section.label })),
    });
  }
  if (isAdmin) groups.push({ title: "Admin", links: [{ href: "/admin/hosts", label: "Hosts" }] });

  return (
    <nav aria-label="Main" className="shrink-0 border-b border-slate-200 bg-white md:w-48 md:border-r md:border-b-0">
      <div className="flex gap-x-4 overflow-x-auto px-2 py-1.5 md:sticky md:top-0 md:flex-col md:gap-y-5 md:px-3 md:py-4">
        {groups.map((group) => (
          <div key={group.title} className="flex items-center gap-1 md:flex-col md:items-stretch">
            <h2 className="sr-only md:not-sr-only md:px-2 md:pb-1 md:text-xs md:font-semibold md:uppercase md:tracking-wide md:text-slate-500">
              {group.title}
            </h2>
            <ul className="flex gap-1 md:flex-col">
              {group.links.map((link) => {
                const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
                return (
                  <li key={link.href}>
                    <Link
                      href={link.href}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "block whitespace-nowrap rounded-md px-2 py-1.5",
                        active ? "bg-sky-50 font-medium text-sky-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                      )}
                    >
                      {link.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
