import { describe, expect, it } from "vitest";
import { launchSchema } from "./launch-schema";

const valid = {
  name: "web-1",
  imageId: "2b7e0c1e-0000-4000-8000-000000000001",
  flavorId: "2b7e0c1e-0000-4000-8000-000000000002",
  kind: "application",
};

function fieldErrors(input: unknown) {
  const r = launchSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("launchSchema", () => {
  it("accepts a minimal request and fills defaults", () => {
    expect(launchSchema.parse(valid)).toMatchObject({ minCount: 1, env: {}, labels: {} });
  });

  it("names each bad field and why", () => {
    expect(fieldErrors({ ...valid, name: "-bad name", kind: "vm", minCount: 0 })).toEqual({
      name: "use letters, digits, dots, dashes and underscores, starting with a letter or digit",
      kind: "must be machine or application",
      minCount: "at least 1",
    });
    expect(fieldErrors({ ...valid, imageId: "busybox" })).toEqual({ imageId: "choose an image" });
    expect(fieldErrors({ ...valid, env: { "1X": "a" } })).toMatchObject({ "env.1X": expect.stringContaining("environment names") });
    expect(fieldErrors({ ...valid, workingDir: "tmp" })).toEqual({ workingDir: "must be an absolute path" });
    expect(fieldErrors({ ...valid, labels: { "berth.project": "x" } })).toEqual({ labels: "labels starting with berth. are Berth's own" });
    expect(fieldErrors({ ...valid, minCount: 3, maxCount: 2 })).toEqual({ maxCount: "must be at least the minimum count" });
  });
});
