import { describe, expect, it } from "vitest";
import { splitCommand } from "@/components/instances/launch-wizard/launch-form";
import { commandLine, commandOf } from "./command-line";

describe("commandLine", () => {
  it.each([
    [["sh"], "sh"],
    [["httpd", "-f", "-p", "80"], "httpd -f -p 80"],
    [["sh", "-c", 'echo "hi there"'], 'sh -c "echo \\"hi there\\""'],
    [["printf", "it's"], 'printf "it\'s"'],
    [["echo", ""], 'echo ""'],
  ])("writes %j so that splitCommand reads it back", (args, line) => {
    expect(commandLine(args)).toBe(line);
    expect(splitCommand(line)).toEqual(args);
  });

  it("writes nothing for no command", () => {
    expect(commandLine(null)).toBe("");
  });
});

describe("commandOf", () => {
  it("gives no arguments for a blank field", () => {
    expect(commandOf("   ")).toBeUndefined();
    expect(commandOf('sh -c "sleep 1"')).toEqual(["sh", "-c", "sleep 1"]);
  });
});
