declare module "async-exit-hook" {
  type Hook = { (hook: (done: () => void) => void): void; unhookEvent(event: string): void };
  const exitHook: Hook;
  export default exitHook;
}
