import { describe, expect, it } from "vitest";
import { emptyLaunchForm, errorsOnStep, launchFormErrors, networksOf, splitCommand, stepOf, toLaunchInput, withNetwork } from "./launch-form";

const IMAGE = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const FLAVOR = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

describe("splitCommand", () => {
  it.each([
    ["", []],
    ["  sleep   60 ", ["sleep", "60"]],
    ['sh -c "echo hello world"', ["sh", "-c", "echo hello world"]],
    ["sh -c 'echo \"quoted\"'", ["sh", "-c", 'echo "quoted"']],
    ['echo ""', ["echo", ""]],
    ['echo "say \\"hi\\""', ["echo", 'say "hi"']],
  ])("%j → %j", (line, args) => {
    expect(splitCommand(line)).toEqual(args);
  });
});

describe("toLaunchInput", () => {
  it("turns the typed form into the request the server checks", () => {
    const form = {
      ...emptyLaunchForm(IMAGE),
      name: "web",
      count: "2",
      maxCount: "4",
      flavorId: FLAVOR,
      kind: "application" as const,
      command: "httpd -f",
      workingDir: " /srv ",
      env: [
        { key: "MODE", value: "prod" },
        { key: "", value: "ignored: no name" },
      ],
      labels: [{ key: "team", value: "web" }],
    };
    expect(toLaunchInput(form)).toEqual({
      name: "web",
      imageId: IMAGE,
      flavorId: FLAVOR,
      kind: "application",
      minCount: 2,
      maxCount: 4,
      availabilityZone: undefined,
      command: ["httpd", "-f"],
      workingDir: "/srv",
      env: { MODE: "prod" },
      labels: { team: "web" },
    });
  });

  it("leaves out what was not typed, so the schema's defaults apply", () => {
    const input = toLaunchInput({ ...emptyLaunchForm(), count: "" });
    expect(input.minCount).toBeUndefined();
    expect(input.maxCount).toBeUndefined();
    expect(input.command).toBeUndefined();
    expect(input.workingDir).toBeUndefined();
  });
});

describe("launchFormErrors", () => {
  it("reports each field's problem on the step where it is edited", () => {
    const errors = launchFormErrors({
      ...emptyLaunchForm(),
      name: "-bad",
      count: "3",
      maxCount: "2",
      env: [{ key: "1X", value: "" }],
      workingDir: "relative",
    });
    expect(Object.keys(errors).sort()).toEqual(["env.1X", "flavorId", "imageId", "maxCount", "name", "workingDir"]);
    expect(errorsOnStep(errors, "details").map(([field]) => field).sort()).toEqual(["maxCount", "name"]);
    expect(errorsOnStep(errors, "source")).toEqual([["imageId", "choose an image"]]);
    expect(errorsOnStep(errors, "configuration").map(([field]) => field).sort()).toEqual(["env.1X", "workingDir"]);
  });

  it("accepts a complete form", () => {
    expect(launchFormErrors({ ...emptyLaunchForm(IMAGE), name: "ok", flavorId: FLAVOR })).toEqual({});
  });

  it("sends server field names to their steps", () => {
    expect(stepOf("flavorId")).toBe("flavor");
    expect(stepOf("labels")).toBe("configuration");
    expect(stepOf("availabilityZone")).toBe("details");
  });
});

describe("networks", () => {
  const NETWORKS = [
    { id: "a1b2c3d4-0000-4000-8000-000000000001", isDefault: true },
    { id: "a1b2c3d4-0000-4000-8000-000000000002", isDefault: false },
    { id: "a1b2c3d4-0000-4000-8000-000000000003", isDefault: false },
  ];
  const [first, second, third] = NETWORKS.map((network) => network.id);

  it("start on the project's default network, which the server picks when none is sent", () => {
    const form = emptyLaunchForm(IMAGE);
    expect(networksOf(form, NETWORKS)).toEqual([first]);
    expect(toLaunchInput(form).networkIds).toBeUndefined();
  });

  it("keep the order ticked: the first stays the primary", () => {
    const chosen = withNetwork(withNetwork(withNetwork([first], third, true), first, false), second, true);
    expect(chosen).toEqual([third, second]);
    expect(toLaunchInput({ ...emptyLaunchForm(IMAGE), networkIds: chosen }).networkIds).toEqual([third, second]);
  });

  it("need at least one, on the configuration step", () => {
    const errors = launchFormErrors({ ...emptyLaunchForm(IMAGE), name: "ok", flavorId: FLAVOR, networkIds: [] });
    expect(errors).toEqual({ networkIds: "choose at least one network" });
    expect(stepOf("networkIds")).toBe("configuration");
  });

  it("send a chosen server group, and none for the empty choice", () => {
    expect(toLaunchInput({ ...emptyLaunchForm(IMAGE), serverGroupId: second }).serverGroupId).toBe(second);
    expect(toLaunchInput(emptyLaunchForm(IMAGE)).serverGroupId).toBeUndefined();
    expect(stepOf("serverGroupId")).toBe("details");
  });
});
