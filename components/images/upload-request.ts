import type { ActionError } from "@/lib/actions/action-client";
import { newImageQuery, type NewImageInput } from "@/lib/images/upload-schema";

export type UploadProgress = { sent: number; total: number };
export type UploadedImage = { id: string; name: string; status: string; sizeBytes: number };
export type UploadOutcome = { kind: "uploaded"; image: UploadedImage } | { kind: "refused"; error: ActionError } | { kind: "cancelled" };

/** The route's answer, whatever it is: its own error when it sent one, else what the status says. */
export function outcomeOf(status: number, body: string): UploadOutcome {
  let json: { image?: UploadedImage; error?: ActionError } | null = null;
  try {
    json = JSON.parse(body);
  } catch {
    // A proxy's HTML error page, say: the status is all there is to go on.
  }
  if (status === 201 && json?.image) return { kind: "uploaded", image: json.image };
  if (json?.error?.message) return { kind: "refused", error: json.error };
  return { kind: "refused", error: { code: "INTERNAL", message: `The server answered ${status} without saying why. Try again.` } };
}

/**
 * Sends a `docker save` archive to the upload route as the raw request body, streamed by the
 * browser from the file on disk. XMLHttpRequest, because fetch cannot report upload progress.
 */
export function uploadArchive(
  projectId: string,
  input: NewImageInput,
  file: File,
  onProgress: (progress: UploadProgress) => void,
): { done: Promise<UploadOutcome>; cancel: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => resolve(outcomeOf(xhr.status, xhr.responseText));
    xhr.onabort = () => resolve({ kind: "cancelled" });
    xhr.onerror = () =>
      resolve({ kind: "refused", error: { code: "INTERNAL", message: "The connection closed before the server answered: check the network and try again." } });
  });
  xhr.open("POST", `/api/projects/${projectId}/images?${newImageQuery(input)}`);
  xhr.setRequestHeader("content-type", "application/x-tar");
  xhr.send(file);
  return { done, cancel: () => xhr.abort() };
}
