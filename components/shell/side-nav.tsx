"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/class-names";
import { PROJECT_SECTIONS, projectPath } from "./project-sections";

/** Each group is its own navigation landmark, so "Images" of the project and of the admin area never clash. */
type NavGroup = { title: string; landmark: string; links: { href: string; label: string }[] };

const ADMIN_LINKS = [
  { href: "/admin/hosts", label: "Hosts" },
  { href: "/admin/instances", label: "Instances" },
  { href: "/admin/flavors", label: "Flavors" },
  { href: "/admin/images", label: "Images" },
  { href: "/admin/quotas", label: "Quotas" },
  { href: "/admin/usage", label: "Usage" },
  { href: "/admin/projects", label: "Projects" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
];

/** A column beside the page on wide screens; a scrolling row above it on narrow ones. */
export function SideNav({ projectId, isAdmin }: { projectId: string | null; isAdmin: boolean }) {
  const pathname = usePathname();
  const groups: NavGroup[] = [];
  if (projectId) {
    groups.push({
      title: "Project",
      landmark: "Main",
      links: PROJECT_SECTIONS.map((section) => ({ href: projectPath(projectId, section.segment), label: section.label })),
    });
  }
  if (isAdmin) groups.push({ title: "Admin", landmark: "Admin", links: ADMIN_LINKS });

  return (
    <div className="shrink-0 border-b border-slate-200 bg-white md:w-48 md:border-r md:border-b-0">
      <div className="relative flex gap-x-1 divide-x divide-slate-200 overflow-x-auto px-1.5 py-1.5 md:sticky md:top-0 md:flex-col md:gap-y-5 md:divide-x-0 md:px-3 md:py-4">
        {groups.map((group) => (
          <nav key={group.title} aria-label={group.landmark} className="flex items-center gap-1 pl-1 first:pl-0 md:flex-col md:items-stretch md:pl-0">
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
                        "block whitespace-nowrap rounded-md px-1.5 py-1.5 md:px-2",
                        active ? "bg-sky-50 font-medium text-sky-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                      )}
                    >
                      {link.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ))}
      </div>
    </div>
  );
}
