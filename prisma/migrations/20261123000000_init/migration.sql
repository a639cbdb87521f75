-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProjectRole" AS ENUM ('member', 'reader');

-- CreateEnum
CREATE TYPE "HostStatus" AS ENUM ('up', 'down');

-- CreateEnum
CREATE TYPE "ImageStatus" AS ENUM ('queued', 'saving', 'active', 'killed', 'deleted');

-- CreateEnum
CREATE TYPE "ImageVisibility" AS ENUM ('public', 'private', 'shared');

-- CreateEnum
CREATE TYPE "InstanceKind" AS ENUM ('machine', 'application');

-- CreateEnum
CREATE TYPE "VmState" AS ENUM ('building', 'active', 'stopped', 'paused', 'error', 'deleted');

-- CreateEnum
CREATE TYPE "PowerState" AS ENUM ('nostate', 'running', 'paused', 'shutdown', 'crashed', 'unknown');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "userId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("userId","projectId")
);

-- CreateTable
CREATE TABLE "hosts" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "tlsCa" TEXT,
    "tlsCert" TEXT,
    "tlsKey" TEXT,
    "availabilityZone" TEXT NOT NULL DEFAULT 'nova',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "status" "HostStatus" NOT NULL DEFAULT 'down',
    "lastHeartbeatAt" TIMESTAMP(3),
    "lastError" TEXT,
    "dockerVersion" TEXT,
    "apiVersion" TEXT,
    "operatingSystem" TEXT,
    "cpus" INTEGER NOT NULL DEFAULT 0,
    "memoryMiB" INTEGER NOT NULL DEFAULT 0,
    "diskGiB" INTEGER NOT NULL DEFAULT 100,
    "cpuAllocationRatio" DOUBLE PRECISION NOT NULL DEFAULT 4.0,
    "ramAllocationRatio" DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    "diskAllocationRatio" DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    "reservedCpus" INTEGER NOT NULL DEFAULT 0,
    "reservedMemoryMiB" INTEGER NOT NULL DEFAULT 0,
    "reservedDiskGiB" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hosts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flavors" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "vcpus" INTEGER NOT NULL,
    "ramMiB" INTEGER NOT NULL,
    "diskGiB" INTEGER NOT NULL,
    "swapMiB" INTEGER NOT NULL DEFAULT 0,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "extraSpecs" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flavors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flavor_access" (
    "flavorId" UUID NOT NULL,
    "projectId" UUID NOT NULL,

    CONSTRAINT "flavor_access_pkey" PRIMARY KEY ("flavorId","projectId")
);

-- CreateTable
CREATE TABLE "images" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ImageStatus" NOT NULL DEFAULT 'queued',
    "visibility" "ImageVisibility" NOT NULL DEFAULT 'private',
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "ownerProjectId" UUID,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "archiveDigest" TEXT,
    "dockerImageId" TEXT,
    "dockerRef" TEXT,
    "minRamMiB" INTEGER NOT NULL DEFAULT 0,
    "minDiskGiB" INTEGER NOT NULL DEFAULT 0,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "image_members" (
    "imageId" UUID NOT NULL,
    "projectId" UUID NOT NULL,

    CONSTRAINT "image_members_pkey" PRIMARY KEY ("imageId","projectId")
);

-- CreateTable
CREATE TABLE "host_images" (
    "hostId" UUID NOT NULL,
    "imageId" UUID NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "host_images_pkey" PRIMARY KEY ("hostId","imageId")
);

-- CreateTable
CREATE TABLE "instances" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "userId" UUID,
    "kind" "InstanceKind" NOT NULL,
    "imageId" UUID,
    "flavorId" UUID,
    "flavorName" TEXT NOT NULL,
    "vcpus" INTEGER NOT NULL,
    "ramMiB" INTEGER NOT NULL,
    "diskGiB" INTEGER NOT NULL,
    "swapMiB" INTEGER NOT NULL DEFAULT 0,
    "flavorExtraSpecs" JSONB NOT NULL DEFAULT '{}',
    "command" JSONB,
    "entrypoint" JSONB,
    "env" JSONB NOT NULL DEFAULT '{}',
    "workingDir" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "availabilityZone" TEXT,
    "hostId" UUID,
    "containerId" TEXT,
    "vmState" "VmState" NOT NULL DEFAULT 'building',
    "taskState" TEXT,
    "powerState" "PowerState" NOT NULL DEFAULT 'nostate',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "lockedReason" TEXT,
    "faultCode" INTEGER,
    "faultMessage" TEXT,
    "faultDetails" TEXT,
    "faultAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "launchedAt" TIMESTAMP(3),
    "terminatedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_actions" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "userId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" TEXT,
    "error" TEXT,

    CONSTRAINT "instance_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_action_events" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" TEXT,
    "details" TEXT,

    CONSTRAINT "instance_action_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allocations" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "hostId" UUID NOT NULL,
    "vcpus" INTEGER NOT NULL,
    "ramMiB" INTEGER NOT NULL,
    "diskGiB" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quotas" (
    "projectId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,

    CONSTRAINT "quotas_pkey" PRIMARY KEY ("projectId","resource")
);

-- CreateTable
CREATE TABLE "quota_defaults" (
    "resource" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,

    CONSTRAINT "quota_defaults_pkey" PRIMARY KEY ("resource")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_tokenHash_key" ON "sessions"("tokenHash");

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "projects_name_key" ON "projects"("name");

-- CreateIndex
CREATE INDEX "memberships_projectId_idx" ON "memberships"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_name_key" ON "hosts"("name");

-- CreateIndex
CREATE UNIQUE INDEX "flavors_name_key" ON "flavors"("name");

-- CreateIndex
CREATE UNIQUE INDEX "images_ownerProjectId_name_key" ON "images"("ownerProjectId", "name");

-- CreateIndex
CREATE INDEX "instances_projectId_deletedAt_createdAt_idx" ON "instances"("projectId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "instances_hostId_idx" ON "instances"("hostId");

-- CreateIndex
CREATE INDEX "instance_actions_instanceId_startedAt_idx" ON "instance_actions"("instanceId", "startedAt");

-- CreateIndex
CREATE INDEX "instance_action_events_actionId_idx" ON "instance_action_events"("actionId");

-- CreateIndex
CREATE INDEX "allocations_hostId_idx" ON "allocations"("hostId");

-- CreateIndex
CREATE UNIQUE INDEX "allocations_instanceId_hostId_key" ON "allocations"("instanceId", "hostId");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flavor_access" ADD CONSTRAINT "flavor_access_flavorId_fkey" FOREIGN KEY ("flavorId") REFERENCES "flavors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flavor_access" ADD CONSTRAINT "flavor_access_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_ownerProjectId_fkey" FOREIGN KEY ("ownerProjectId") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "image_members" ADD CONSTRAINT "image_members_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "image_members" ADD CONSTRAINT "image_members_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_images" ADD CONSTRAINT "host_images_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_images" ADD CONSTRAINT "host_images_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "hosts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_actions" ADD CONSTRAINT "instance_actions_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_action_events" ADD CONSTRAINT "instance_action_events_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "instance_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

