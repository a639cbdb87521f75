import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { ServiceName } from "@/lib/openstack/catalog";
import { handleOpenStack } from "@/lib/openstack/handler";

const SERVICES: ServiceName[] = ["identity", "compute", "image"];

function toRequest(req: IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of [value].flat()) if (v !== undefined) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://127.0.0.1:${port}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

async function send(response: Response, res: ServerResponse) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) return void res.end();
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as NodeReadableStream).on("error", reject).pipe(res).on("finish", resolve);
  });
}

/** The OpenStack API behind a plain HTTP server, as the real CLI needs one (no Next involved). */
export async function startApiServer(): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const service = SERVICES.find((s) => req.url === `/${s}` || req.url?.startsWith(`/${s}/`) || req.url?.startsWith(`/${s}?`));
    if (!service) {
      res.statusCode = 404;
      return void res.end();
    }
    const port = (server.address() as AddressInfo).port;
    handleOpenStack(service, toRequest(req, port))
      .then((response) => send(response, res))
      .catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
