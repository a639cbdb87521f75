import { describe, expect, it } from "vitest";
import { outcomeOf } from "./upload-request";

describe("outcomeOf", () => {
  it("takes the new image from a 201", () => {
    const image = { id: "i1", name: "web", status: "active", sizeBytes: 2048 };
    expect(outcomeOf(201, JSON.stringify({ image }))).toEqual({ kind: "uploaded", image });
  });

  it("passes the route's own error on, fields and all", () => {
    const error = { code: "INVALID_INPUT", message: "This file is not a tar archive.", fields: { file: "This file is not a tar archive." } };
    expect(outcomeOf(400, JSON.stringify({ error }))).toEqual({ kind: "refused", error });
  });

  it("says what it can when the answer is not the route's", () => {
    expect(outcomeOf(502, "<html>Bad gateway</html>")).toEqual({
      kind: "refused",
      error: { code: "INTERNAL", message: "The server answered 502 without saying why. Try again." },
    });
  });
});
