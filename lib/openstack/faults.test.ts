import { describe, expect, it } from "vitest";
import { BerthError } from "@/lib/errors";
import { fault, faultOf, INTERNAL_MESSAGE, unauthorized } from "./faults";

describe("OpenStack fault bodies", () => {
  it.each([
    ["NOT_FOUND", 404, "itemNotFound"],
    ["FORBIDDEN", 403, "forbidden"],
    ["QUOTA_EXCEEDED", 403, "overLimit"],
    ["CONFLICT", 409, "conflictingRequest"],
    ["INVALID_INPUT", 400, "badRequest"],
    ["UNAUTHENTICATED", 401, "unauthorized"],
    ["HOST_UNAVAILABLE", 409, "conflictingRequest"],
    ["DOCKER_ERROR", 500, "computeFault"],
  ] as const)("Berth's %s is Nova's %i %s, keeping the message", (code, status, name) => {
    expect(faultOf(new BerthError(code, "Why it failed."), "nova")).toEqual({ status, body: { [name]: { code: status, message: "Why it failed." } } });
  });

  it("uses Keystone's error envelope with a title", () => {
    expect(faultOf(new BerthError("CONFLICT", "Taken."), "keystone")).toEqual({ status: 409, body: { error: { code: 409, title: "Conflict", message: "Taken." } } });
  });

  it("never shows the text of an unexpected error", () => {
    expect(faultOf(new Error("password=hunter2 in a stack"), "nova")).toEqual({ status: 500, body: { computeFault: { code: 500, message: INTERNAL_MESSAGE } } });
    expect(faultOf(new BerthError("INTERNAL", "details for the log"), "keystone").body).toEqual({ error: { code: 500, title: "Internal Server Error", message: INTERNAL_MESSAGE } });
  });

  it("answers 401 with where to authenticate, as keystonemiddleware does", () => {
    expect(unauthorized("http://h:1/identity/v3")).toEqual({
      status: 401,
      body: { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } },
      headers: { "WWW-Authenticate": 'Keystone uri="http://h:1/identity/v3"' },
    });
  });

  it("names unknown statuses computeFault", () => {
    expect(fault("nova", 406, "No.").body).toEqual({ computeFault: { code: 406, message: "No." } });
  });
});
