import "server-only";
import { connectHost, type HostInfo } from "@/lib/docker/client";
import { parseInput } from "@/lib/validation";
import { hostEndpointSchema } from "./host-schema";

/**
 * The add-host form's "Test connection": probes the engine and saves nothing. A bad endpoint is
 * INVALID_INPUT naming the field; an engine that does not answer is HOST_UNAVAILABLE with the reason.
 */
export async function testConnection(input: unknown): Promise<HostInfo> {
  return connectHost(parseInput(hostEndpointSchema, input, "endpoint")).probe();
}
