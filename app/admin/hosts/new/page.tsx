import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/identity/page-access";
import { AddHostForm } from "./add-host-form";

export const metadata: Metadata = { title: "Add host" };

export default async function NewHostPage() {
  await requireAdmin();
  return (
    <>
      <BackLink href="/admin/hosts">Hosts</BackLink>
      <PageHeader title="Add host" description="A Docker engine Berth may place instances on. Berth tests the connection before saving it." />
      <AddHostForm />
    </>
  );
}
