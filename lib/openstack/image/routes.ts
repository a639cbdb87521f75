import "server-only";
import type { ImageContext } from "../access";
import { Router } from "../router";
import * as images from "./images";

/** Glance v2: images, their data and their members. */
export const imageRouter = new Router<ImageContext>([
  ["GET", "/images", images.list],
  ["POST", "/images", images.create],
  ["GET", "/images/:id", images.show],
  ["PATCH", "/images/:id", images.update],
  ["DELETE", "/images/:id", images.remove],
  ["PUT", "/images/:id/file", images.upload],
  ["GET", "/images/:id/file", images.download],
  ["GET", "/images/:id/members", images.listMembers],
  ["POST", "/images/:id/members", images.addMember],
  ["GET", "/images/:id/members/:member", images.showMember],
  ["PUT", "/images/:id/members/:member", images.updateMember],
  ["DELETE", "/images/:id/members/:member", images.removeMember],
]);
