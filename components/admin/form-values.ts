/** Reads a form's fields as the types the shared zod schemas expect. */
export function formValues(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? "");
  return {
    text,
    /** A number; a blank or unreadable field gives NaN, which the schema refuses as "must be a number". */
    number: (name: string): number => (text(name).trim() === "" ? Number.NaN : Number(text(name))),
    /** Blank → undefined, for optional text such as PEM blocks. */
    optionalText: (name: string): string | undefined => (text(name).trim() === "" ? undefined : text(name)),
    all: (name: string): string[] => data.getAll(name).map(String),
  };
}
