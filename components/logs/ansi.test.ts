import { describe, expect, it } from "vitest";
import { parseAnsi, plainText } from "./ansi";

const ESC = "\x1b";

describe("parseAnsi", () => {
  it("leaves plain text as one run", () => {
    expect(parseAnsi("tick 42")).toEqual([{ text: "tick 42" }]);
    expect(parseAnsi("")).toEqual([]);
  });

  it("reads the 8 colours, their bright forms and backgrounds", () => {
    expect(parseAnsi(`${ESC}[31mred${ESC}[0m plain`)).toEqual([{ text: "red", fg: 1 }, { text: " plain" }]);
    expect(parseAnsi(`${ESC}[92mbright green`)).toEqual([{ text: "bright green", fg: 10 }]);
    expect(parseAnsi(`${ESC}[44;37mwhite on blue`)).toEqual([{ text: "white on blue", fg: 7, bg: 4 }]);
    expect(parseAnsi(`${ESC}[30mblack${ESC}[97mwhite${ESC}[47mon grey`)).toEqual([
      { text: "black", fg: 0 },
      { text: "white", fg: 15 },
      { text: "on grey", fg: 15, bg: 7 },
    ]);
  });

  it("reads bold, and resets by 0, an empty SGR, 22, 39 and 49", () => {
    expect(parseAnsi(`${ESC}[1;33mwarn${ESC}[m done`)).toEqual([{ text: "warn", fg: 3, bold: true }, { text: " done" }]);
    expect(parseAnsi(`${ESC}[1;31;42mA${ESC}[22mB${ESC}[39mC${ESC}[49mD`)).toEqual([
      { text: "A", fg: 1, bg: 2, bold: true },
      { text: "B", fg: 1, bg: 2 },
      { text: "C", bg: 2 },
      { text: "D" },
    ]);
  });

  it("merges neighbouring runs of the same style", () => {
    expect(parseAnsi(`${ESC}[31ma${ESC}[31mb${ESC}[Kc`)).toEqual([{ text: "abc", fg: 1 }]);
  });

  it("drops 256-colour and true-colour codes with their arguments", () => {
    expect(parseAnsi(`${ESC}[38;5;196mx${ESC}[48;2;1;2;3;1my`)).toEqual([{ text: "x" }, { text: "y", bold: true }]);
  });

  it("strips every other escape and control character, keeping tabs", () => {
    expect(parseAnsi(`${ESC}[2J${ESC}[10;20Ha\tb${ESC}]0;title\x07c${ESC}]8;;http://x${ESC}\\d${ESC}(Be\x07f\x00g${ESC}`)).toEqual([
      { text: "a\tbcdefg" },
    ]);
  });

  it("keeps markup as text", () => {
    expect(parseAnsi(`${ESC}[31m<script>alert(1)</script>`)).toEqual([{ text: "<script>alert(1)</script>", fg: 1 }]);
  });
});

describe("plainText", () => {
  it("is what the runs say", () => {
    expect(plainText(`${ESC}[1;31merror${ESC}[0m: <b>disk</b> full\r`)).toBe("error: <b>disk</b> full");
    expect(plainText("no escapes")).toBe("no escapes");
  });
});
