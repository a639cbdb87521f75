"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import type { LaunchFlavor, LaunchImage } from "@/lib/instances/launch-options";
import type { InstanceListFilters, ListSort } from "@/lib/instances/list-query";
import { LISTED_STATUSES } from "@/lib/instances/status-filter";

const SORTS: { value: `${ListSort}:${"asc" | "desc"}`; label: string }[] = [
  { value: "created:desc", label: "Newest first" },
  { value: "created:asc", label: "Oldest first" },
  { value: "name:asc", label: "Name A–Z" },
  { value: "name:desc", label: "Name Z–A" },
  { value: "status:desc", label: "Status, errors first" },
  { value: "status:asc", label: "Status, building first" },
];

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm";

/** A control with its label above it, tied by id (a wrapping label would add the chosen option to the control's name). */
function Field({ label, grow, children }: { label: string; grow?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={grow ? "flex min-w-0 flex-1 basis-40 flex-col gap-0.5" : "flex flex-col gap-0.5"}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={FIELD}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Sort and filter controls; the name filter waits for a pause in typing before it asks the server. */
export function InstanceFilters({
  filters,
  onChange,
  images,
  flavors,
}: {
  filters: InstanceListFilters;
  onChange: (filters: InstanceListFilters) => void;
  images: LaunchImage[];
  flavors: LaunchFlavor[];
}) {
  const [name, setName] = useState(filters.name ?? "");
  useEffect(() => {
    if (name.trim() === (filters.name ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, name: name.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [name, filters, onChange]);

  return (
    <div role="search" aria-label="Filter instances" className="flex flex-wrap items-end gap-2">
      <Field label="Name" grow>
        {(id) => <input id={id} type="search" value={name} onChange={(event) => setName(event.target.value)} placeholder="Contains…" className={FIELD} />}
      </Field>
      <SelectField
        label="Status"
        value={filters.status ?? ""}
        options={[{ value: "", label: "Any status" }, ...LISTED_STATUSES.map((status) => ({ value: status, label: status }))]}
        onChange={(status) => onChange({ ...filters, status: (status || undefined) as InstanceListFilters["status"] })}
      />
      <SelectField
        label="Image"
        value={filters.imageId ?? ""}
        options={[{ value: "", label: "Any image" }, ...images.map((image) => ({ value: image.id, label: image.name }))]}
        onChange={(imageId) => onChange({ ...filters, imageId: imageId || undefined })}
      />
      <SelectField
        label="Flavor"
        value={filters.flavor ?? ""}
        options={[{ value: "", label: "Any flavor" }, ...flavors.map((flavor) => ({ value: flavor.name, label: flavor.name }))]}
        onChange={(flavor) => onChange({ ...filters, flavor: flavor || undefined })}
      />
      <SelectField
        label="Sort"
        value={`${filters.sort}:${filters.dir}`}
        options={SORTS}
        onChange={(value) => {
          const [sort, dir] = value.split(":") as [ListSort, "asc" | "desc"];
          onChange({ ...filters, sort, dir });
        }}
      />
    </div>
  );
}
