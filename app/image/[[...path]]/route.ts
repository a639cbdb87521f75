import { openstackRoute } from "@/lib/openstack/route-handlers";

// The OpenStack API (image): see docs/openstack-api.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const { GET, HEAD, POST, PUT, PATCH, DELETE } = openstackRoute("image");
