import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { imageColumns, type ImageColumnsOptions, type ImageTableRow } from "./columns";

/** The images table of a project's Images page and of the admin console, from the same columns. */
export function ImagesTable({ label, images, empty, ...options }: ImageColumnsOptions & { label: string; images: ImageTableRow[]; empty: ReactNode }) {
  return <DataTable label={label} columns={imageColumns(options)} rows={images} empty={empty} />;
}
