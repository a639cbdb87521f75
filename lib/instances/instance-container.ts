import "server-only";
import type Dockerode from "dockerode";
import type { Db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { dockerOf } from "@/lib/hosts/host-connection";
import { attachToHost, connectOthers, onNetworks, type Attachment } from "@/lib/networks/host-networks";
import { containerName, toCreateOptions, type InstanceSpec } from "./container-spec";

type CreatedContainer = { container: Dockerode.Container; attachments: Attachment[] };

/**
 * Creates an instance's container on `host`, on its project networks with its fixed addresses
 * (the networks are realised on the host first). A container of that name left by a run that
 * crashed after creating it is adopted, not duplicated.
 */
export async function createInstanceContainer(
  db: Db,
  host: Host,
  instance: InstanceSpec,
  imageRef: string,
  name = containerName(instance.id),
): Promise<CreatedContainer> {
  const attachments = await attachToHost(db, host, instance);
  const docker = dockerOf(host).docker;
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer({ ...onNetworks(toCreateOptions(instance, imageRef, host.cpus), attachments), name });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 409) throw error;
    container = docker.getContainer((await docker.getContainer(name).inspect()).Id);
  }
  await connectOthers(docker, container.id, attachments);
  return { container, attachments };
}
