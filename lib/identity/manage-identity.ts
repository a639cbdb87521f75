import "server-only";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "@/lib/audit/audit";
import { BerthError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createProjectSchema, createUserSchema, membershipSchema, passwordSchema, projectNameSchema, type CreateProjectInput, type CreateUserInput, type MembershipInput } from "./identity-schema";
import { hashPassword } from "./password";
import { endSessionsOf } from "./sessions";

async function projectOrThrow(db: Db, id: string) {
  const project = await db.project.findUnique({ where: { id } });
  if (!project) throw new BerthError("NOT_FOUND", "Project not found.");
  return project;
}

async function userOrThrow(db: Db, id: string) {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new BerthError("NOT_FOUND", "User not found.");
  return user;
}

async function nameFree(db: Db, name: string, exceptId?: string) {
  const taken = await db.project.findUnique({ where: { name } });
  if (taken && taken.id !== exceptId) throw new BerthError("CONFLICT", `A project named ${name} already exists.`, { name: "already in use" });
}

export async function createProject(db: Db, actor: AuditActor, input: CreateProjectInput) {
  const p = parseInput(createProjectSchema, input, "project");
  await nameFree(db, p.name);
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: p });
    await audit(tx, actor, "project.create", { type: "project", id: project.id, name: project.name }, null, project);
    return project;
  });
}

export async function renameProject(db: Db, actor: AuditActor, projectId: string, name: string) {
  const newName = parseInput(projectNameSchema, name, "project name");
  const before = await projectOrThrow(db, projectId);
  await nameFree(db, newName, projectId);
  return db.$transaction(async (tx) => {
    const after = await tx.project.update({ where: { id: projectId }, data: { name: newName } });
    await audit(tx, actor, "project.rename", { type: "project", id: projectId, name: newName }, before, after);
    return after;
  });
}

/** A disabled project keeps its instances but cannot launch new ones. */
export async function setProjectEnabled(db: Db, actor: AuditActor, projectId: string, enabled: boolean) {
  const before = await projectOrThrow(db, projectId);
  return db.$transaction(async (tx) => {
    const after = await tx.project.update({ where: { id: projectId }, data: { enabled } });
    await audit(tx, actor, enabled ? "project.enable" : "project.disable", { type: "project", id: projectId, name: before.name }, before, after);
    return after;
  });
}

export async function createUser(db: Db, actor: AuditActor, input: CreateUserInput) {
  const u = parseInput(createUserSchema, input, "user");
  if (await db.user.findUnique({ where: { username: u.username } })) {
    throw new BerthError("CONFLICT", `A user named ${u.username} already exists.`, { username: "already in use" });
  }
  const passwordHash = await hashPassword(u.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { username: u.username, displayName: u.displayName, isAdmin: u.isAdmin, passwordHash } });
    await audit(tx, actor, "user.create", { type: "user", id: user.id, name: user.username }, null, user);
    return user;
  });
}

/** Disabling a user ends their sessions at once. */
export async function setUserEnabled(db: Db, actor: AuditActor, userId: string, enabled: boolean) {
  const before = await userOrThrow(db, userId);
  if (!enabled && userId === actor.id) throw new BerthError("CONFLICT", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    const after = await tx.user.update({ where: { id: userId }, data: { enabled } });
    if (!enabled) await endSessionsOf(tx as unknown as Db, userId);
    await audit(tx, actor, enabled ? "user.enable" : "user.disable", { type: "user", id: userId, name: before.username }, before, after);
    return after;
  });
}

/** A new password ends the user's sessions, so whoever knew the old one is out. */
export async function resetPassword(db: Db, actor: AuditActor, userId: string, password: string) {
  const newPassword = parseInput(passwordSchema, password, "password");
  const user = await userOrThrow(db, userId);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endSessionsOf(tx as unknown as Db, userId);
    await audit(tx, actor, "user.reset-password", { type: "user", id: userId, name: user.username });
  });
}

/** Gives a user a role in a project, changes it, or (role null) removes them from it. */
export async function setMembership(db: Db, actor: AuditActor, input: MembershipInput) {
  const m = parseInput(membershipSchema, input, "membership");
  const [user, project] = await Promise.all([userOrThrow(db, m.userId), projectOrThrow(db, m.projectId)]);
  const key = { userId_projectId: { userId: m.userId, projectId: m.projectId } };
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: key });
    const after = m.role
      ? await tx.membership.upsert({ where: key, create: { userId: m.userId, projectId: m.projectId, role: m.role }, update: { role: m.role } })
      : before
        ? (await tx.membership.delete({ where: key }), null)
        : null;
    await audit(tx, actor, "membership.set", { type: "project", id: project.id, name: `${project.name}/${user.username}` }, before, after);
    return after;
  });
}
