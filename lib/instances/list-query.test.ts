import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, listQueryFrom, listSearchParams } from "./list-query";

describe("list query in the address", () => {
  it("reads what it can and falls back to the defaults for the rest", () => {
    expect(listQueryFrom(new URLSearchParams("sort=name&dir=asc&status=ERROR&name=web&limit=20"))).toEqual({
      sort: "name",
      dir: "asc",
      status: "ERROR",
      name: "web",
      limit: 20,
    });
    expect(listQueryFrom({ sort: "size", status: "MELTED", imageId: "nope", limit: "9999", flavor: ["m1.tiny", "m1.small"] })).toEqual({
      sort: "created",
      dir: "desc",
      limit: DEFAULT_PAGE_SIZE,
      flavor: "m1.tiny",
    });
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(listSearchParams({ sort: "created", dir: "desc", limit: DEFAULT_PAGE_SIZE }).toString()).toBe("");
    const query = { sort: "status" as const, dir: "asc" as const, name: "db", flavor: "m1.small", limit: DEFAULT_PAGE_SIZE };
    expect(listQueryFrom(listSearchParams(query))).toEqual(query);
  });
});
