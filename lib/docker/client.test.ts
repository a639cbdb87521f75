import { describe, expect, it } from "vitest";
import { BerthError } from "@/lib/errors";
import { demuxBuffer, dockerHostFor, parseEndpoint, toBerthError, type HostEndpoint } from "./client";

function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function parseError(e: HostEndpoint): BerthError {
  try {
    parseEndpoint(e);
  } catch (error) {
    return error as BerthError;
  }
  throw new Error(`expected ${e.endpoint} to be refused`);
}

const PEM = { tlsCa: "CA PEM", tlsCert: "CERT PEM", tlsKey: "KEY PEM" };

describe("parseEndpoint", () => {
  it("reads a unix socket path", () => {
    expect(parseEndpoint({ endpoint: "unix:///var/run/docker.sock" })).toMatchObject({
      socketPath: "/var/run/docker.sock",
      protocol: "http",
      host: undefined,
    });
  });

  it("reads plain tcp, with Docker's default port", () => {
    expect(parseEndpoint({ endpoint: "tcp://10.0.0.5:2375" })).toMatchObject({ protocol: "http", host: "10.0.0.5", port: 2375 });
    expect(parseEndpoint({ endpoint: "tcp://docker.internal" })).toMatchObject({ host: "docker.internal", port: 2375 });
  });

  it("uses TLS on tcp when all three PEMs are given", () => {
    expect(parseEndpoint({ endpoint: "tcp://10.0.0.5", ...PEM })).toMatchObject({
      protocol: "https",
      port: 2376,
      ca: "CA PEM",
      cert: "CERT PEM",
      key: "KEY PEM",
    });
  });

  it("treats blank PEM fields as absent", () => {
    expect(parseEndpoint({ endpoint: "tcp://h:2375", tlsCa: "", tlsCert: " ", tlsKey: null })).toMatchObject({ protocol: "http" });
  });

  it("reads ssh with user and port, authenticating through the ssh agent", () => {
    expect(parseEndpoint({ endpoint: "ssh://deploy@10.0.0.7:2222" }, "/tmp/agent.sock")).toMatchObject({
      protocol: "ssh",
      host: "10.0.0.7",
      port: 2222,
      username: "deploy",
      sshOptions: { agent: "/tmp/agent.sock" },
    });
    expect(parseEndpoint({ endpoint: "ssh://deploy@10.0.0.7" })).toMatchObject({ port: 22 });
  });

  it.each([
    ["http://10.0.0.5:2375", /unix:\/\/\/path/],
    ["10.0.0.5:2375", /unix:\/\/\/path/],
    ["unix://", /absolute socket path/],
    ["unix://var/run/docker.sock", /absolute socket path/],
    ["tcp://", /needs a host/],
    ["ssh://10.0.0.7", /needs a user/],
  ])("refuses %s", (endpoint, message) => {
    const error = parseError({ endpoint });
    expect(error).toBeInstanceOf(BerthError);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
    expect(error.fields).toHaveProperty("endpoint");
  });

  it("refuses partial TLS, naming the missing parts", () => {
    const error = parseError({ endpoint: "tcp://10.0.0.5:2376", tlsCa: "CA PEM" });
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fields).toEqual({ tlsCert: "required for TLS", tlsKey: "required for TLS" });
  });

  it("refuses TLS on a non-tcp endpoint", () => {
    expect(parseError({ endpoint: "unix:///var/run/docker.sock", ...PEM }).message).toMatch(/tcp:\/\/ endpoints only/);
  });
});

describe("demuxBuffer", () => {
  it("splits stdout and stderr frames in order", () => {
    const buf = Buffer.concat([frame(1, "hi\n"), frame(2, "oops\n"), frame(1, "bye\n")]);
    expect(demuxBuffer(buf)).toEqual([
      { stream: "stdout", text: "hi\n" },
      { stream: "stderr", text: "oops\n" },
      { stream: "stdout", text: "bye\n" },
    ]);
  });

  it("returns nothing for an empty log", () => {
    expect(demuxBuffer(Buffer.alloc(0))).toEqual([]);
  });

  it("keeps a UTF-8 character whole when frames split it", () => {
    const bytes = Buffer.from("é\n");
    const buf = Buffer.concat([frame(1, bytes.subarray(0, 1)), frame(1, bytes.subarray(1))]);
    expect(demuxBuffer(buf).map((c) => c.text).join("")).toBe("é\n");
  });

  it("passes output without frame headers (a TTY container) through as stdout", () => {
    expect(demuxBuffer(Buffer.from("$ ls\r\nbin\r\n"))).toEqual([{ stream: "stdout", text: "$ ls\r\nbin\r\n" }]);
  });

  it("keeps what arrived of a truncated last frame", () => {
    const whole = frame(1, "complete line\n");
    expect(demuxBuffer(Buffer.concat([frame(2, "a\n"), whole.subarray(0, 12)]))).toEqual([
      { stream: "stderr", text: "a\n" },
      { stream: "stdout", text: "comp" },
    ]);
  });
});

describe("toBerthError", () => {
  it.each([
    [Object.assign(new Error("(HTTP code 404) no such container"), { statusCode: 404, json: { message: "No such container: x" } }), "NOT_FOUND"],
    [Object.assign(new Error("(HTTP code 409) conflict"), { statusCode: 409 }), "CONFLICT"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2375"), { code: "ECONNREFUSED" }), "HOST_UNAVAILABLE"],
    [Object.assign(new Error("All configured authentication methods failed"), { level: "client-authentication" }), "HOST_UNAVAILABLE"],
    [Object.assign(new Error("(HTTP code 500) server error"), { statusCode: 500 }), "DOCKER_ERROR"],
  ])("maps %s to %s", (error, code) => {
    const mapped = toBerthError(error, "Doing it");
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(/^Doing it: /);
  });

  it("uses Docker's own message when the reply carries one", () => {
    const error = Object.assign(new Error("(HTTP code 404) no such container"), { statusCode: 404, json: { message: "No such container: x" } });
    expect(toBerthError(error, "Starting x").message).toBe("Starting x: No such container: x");
  });
});

describe("dockerHostFor", () => {
  it("keeps one client per host, and a new one when the host's endpoint changes", () => {
    const first = dockerHostFor("host-1", { endpoint: "unix:///run/a.sock", tlsCa: null });
    expect(dockerHostFor("host-1", { endpoint: "unix:///run/a.sock" })).toBe(first);
    expect(dockerHostFor("host-2", { endpoint: "unix:///run/a.sock" })).not.toBe(first);
    const moved = dockerHostFor("host-1", { endpoint: "unix:///run/b.sock" });
    expect(moved).not.toBe(first);
    expect(dockerHostFor("host-1", { endpoint: "unix:///run/b.sock" })).toBe(moved);
  });
});
