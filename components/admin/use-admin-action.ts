"use client";

import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionError, ActionResult } from "@/lib/actions/action-client";
import { isBerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * Runs a server action from a client island and keeps its last answer. With a schema (the one the
 * server uses), the input is checked here first, so a bad field is marked without a round trip;
 * the server checks again either way.
 */
export function useAdminAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, schema?: z.ZodType) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  function fail(error: ActionError) {
    setResult({ ok: false, error });
  }

  function run(input: I, onSuccess?: (data: T) => void) {
    if (schema) {
      try {
        parseInput(schema, input);
      } catch (error) {
        if (!isBerthError(error)) throw error;
        return fail({ code: error.code, message: error.message, fields: error.fields });
      }
    }
    setResult(null);
    startTransition(async () => {
      let answer: ActionResult<T>;
      try {
        answer = await action(input);
      } catch (error) {
        return fail({ code: "INTERNAL", message: `The server could not be reached: ${(error as Error).message}` });
      }
      setResult(answer);
      if (answer.ok) onSuccess?.(answer.data);
    });
  }

  return {
    pending,
    error: result && !result.ok ? result.error : null,
    data: result?.ok ? result.data : null,
    /** The last run succeeded (for actions that return nothing). */
    done: result?.ok === true,
    run,
    reset: () => setResult(null),
  };
}
