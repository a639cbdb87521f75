"use client";

import { buttonClass } from "./button-class";

/**
 * The error state of a route segment. In production Next replaces a server error's message
 * with a generic one and keeps only a digest, so then we say that plainly and show the digest,
 * which is the key to the full error in the server log.
 */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const reference = typeof digest === "string" ? digest : null;
  const message =
    reference && process.env.NODE_ENV === "production"
      ? "The server failed while preparing this page. The server log has the full error under the reference below."
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div role="alert" className="max-w-2xl rounded-md border border-red-200 bg-red-50 p-4">
      <h1 className="font-semibold text-red-900">This page could not be shown</h1>
      <p className="mt-1 whitespace-pre-wrap break-words text-red-800">{message}</p>
      {reference && (
        <p className="mt-2 text-xs text-red-700">
          Reference: <code className="font-mono">{reference}</code>
        </p>
      )}
      <button type="button" onClick={() => retry()} className={buttonClass("secondary", "mt-3")}>
        Try again
      </button>
    </div>
  );
}
