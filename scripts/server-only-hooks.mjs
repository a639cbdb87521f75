// Node resolve hook: outside Next's bundler the `server-only` marker is a no-op.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: new URL("./empty-module.mjs", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
