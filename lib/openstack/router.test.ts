import { describe, expect, it } from "vitest";
import { Router } from "./router";

const handler = (name: string) => async () => new Response(name);
const router = new Router<null>([
  ["GET", "/servers", handler("list")],
  ["GET", "/servers/detail", handler("detail")],
  ["GET", "/servers/:id", handler("show")],
  ["DELETE", "/servers/:id", handler("delete")],
  ["POST", "/servers/:id/action", handler("action")],
]);

describe("Router", () => {
  it("matches fixed segments before parameters, in table order", async () => {
    const detail = router.match("GET", "/servers/detail");
    expect(detail && "handler" in detail && (await (await detail.handler({} as never, null)).text())).toBe("detail");
    expect(router.match("GET", "/servers/abc")).toMatchObject({ params: { id: "abc" } });
    expect(router.match("POST", "/servers/a%20b/action")).toMatchObject({ params: { id: "a b" } });
  });

  it("answers HEAD with the GET route", () => {
    expect(router.match("HEAD", "/servers")).toMatchObject({ params: {} });
  });

  it("tells a wrong method from a missing path", () => {
    expect(router.match("PUT", "/servers/abc")).toEqual({ allowed: ["GET", "DELETE"] });
    expect(router.match("GET", "/flavors")).toBeNull();
    expect(router.match("GET", "/servers/abc/action/extra")).toBeNull();
  });
});
