import { describe, expect, it } from "vitest";
import { CLOSE, consoleMessage } from "./console-protocol";

describe("consoleMessage", () => {
  it("reads a resize", () => {
    expect(consoleMessage('{"type":"resize","cols":120,"rows":40}')).toEqual({ type: "resize", cols: 120, rows: 40 });
  });

  it("ignores anything else", () => {
    for (const text of ["", "ls", "null", '{"type":"resize","cols":0,"rows":40}', '{"type":"resize","cols":1.5,"rows":40}', '{"type":"exec"}']) {
      expect(consoleMessage(text)).toBeNull();
    }
  });
});

describe("close reasons", () => {
  it("fit in a close frame", () => {
    const reason = CLOSE.failed("x".repeat(500)).reason;
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123);
    expect(new TextEncoder().encode(CLOSE.notRunning("é".repeat(80)).reason).length).toBeLessThanOrEqual(123);
  });

  it("say how the shell ended", () => {
    expect(CLOSE.exited(0).reason).toBe("The shell exited.");
    expect(CLOSE.exited(2).reason).toBe("The shell exited with code 2.");
  });
});
