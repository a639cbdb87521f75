"use client";

import { useActionState, useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { signInAction, type SignInState } from "./actions";
import { validateSignIn, type SignInFields } from "./sign-in-schema";

export function SignInForm({ next }: { next: string | null }) {
  const [state, formAction] = useActionState<SignInState, FormData>(signInAction, null);
  const [checkedFields, setCheckedFields] = useState<SignInFields | null>(null);
  const fields = checkedFields ?? state?.error.fields ?? {};

  // The server checks again; this only saves a round trip for an empty field.
  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const checked = validateSignIn(Object.fromEntries(new FormData(event.currentTarget)));
    if (checked.ok) {
      setCheckedFields(null);
      return;
    }
    event.preventDefault();
    setCheckedFields(checked.fields);
  }

  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="space-y-4">
      {next && <input type="hidden" name="next" value={next} />}
      {state && !checkedFields && !state.error.fields && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {state.error.message}
        </p>
      )}
      <TextField
        id="username"
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
        defaultValue={state?.username}
        error={fields.username}
      />
      <TextField id="password" label="Password" type="password" autoComplete="current-password" required error={fields.password} />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
