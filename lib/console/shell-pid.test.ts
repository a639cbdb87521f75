import { describe, expect, it } from "vitest";
import { ShellPid } from "./shell-pid";

const text = (b: Buffer) => b.toString("utf8");

describe("ShellPid", () => {
  it("takes the pid out of the output, even split across chunks", () => {
    const pid = new ShellPid();
    expect(text(pid.read(Buffer.from("\x1b]77")))).toBe("");
    expect(text(pid.read(Buffer.from("01;42\x07BusyBox v1.35")))).toBe("BusyBox v1.35");
    expect(pid.value).toBe(42);
    expect(text(pid.read(Buffer.from("\x1b]7701;7\x07 stays")))).toBe("\x1b]7701;7\x07 stays");
  });

  it("gives up after the first bytes, passing everything on", () => {
    const pid = new ShellPid();
    expect(text(pid.read(Buffer.from("x".repeat(200))))).toBe("");
    expect(text(pid.read(Buffer.from("y".repeat(100))))).toBe("x".repeat(200) + "y".repeat(100));
    expect(pid.value).toBeNull();
  });
});
