import "server-only";
import type { Db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/identity/password";
import { QUOTA_INFO, QUOTA_RESOURCES } from "@/lib/quotas/quotas";

export const DEFAULT_FLAVORS = [
  { name: "m1.nano", vcpus: 1, ramMiB: 64, diskGiB: 1 },
  { name: "m1.tiny", vcpus: 1, ramMiB: 128, diskGiB: 1 },
  { name: "m1.small", vcpus: 1, ramMiB: 512, diskGiB: 5 },
  { name: "m1.medium", vcpus: 2, ramMiB: 1024, diskGiB: 10 },
  { name: "m1.large", vcpus: 4, ramMiB: 4096, diskGiB: 20 },
  { name: "m1.xlarge", vcpus: 8, ramMiB: 8192, diskGiB: 40 },
];

export type SeedResult = { adminCreated: boolean; adminPassword?: string; generatedPassword: boolean };

/**
 * What a new cloud starts with: default quotas, flavors, the `admin` user and the `demo`
 * project. Idempotent: a second run changes nothing (and never resets the admin password).
 */
export async function seedDefaults(db: Db, options: { adminPassword?: string }): Promise<SeedResult> {
  for (const resource of QUOTA_RESOURCES) {
    await db.quotaDefault.upsert({
      where: { resource },
      create: { resource, limit: QUOTA_INFO[resource].default },
      update: {},
    });
  }
  if ((await db.flavor.count()) === 0) {
    await db.flavor.createMany({ data: DEFAULT_FLAVORS, skipDuplicates: true });
  }

  const demo = await db.project.upsert({
    where: { name: "demo" },
    create: { name: "demo", description: "A project to try Berth in" },
    update: {},
  });

  const existing = await db.user.findUnique({ where: { username: "admin" } });
  if (existing) return { adminCreated: false, generatedPassword: false };
  const password = options.adminPassword ?? generatePassword();
  const admin = await db.user.create({
    data: { username: "admin", displayName: "Administrator", isAdmin: true, passwordHash: await hashPassword(password) },
  });
  await db.membership.create({ data: { userId: admin.id, projectId: demo.id, role: "member" } });
  return { adminCreated: true, adminPassword: password, generatedPassword: !options.adminPassword };
}
