-- CreateEnum
CREATE TYPE "ServerGroupPolicy" AS ENUM ('affinity', 'anti_affinity');

-- AlterTable
ALTER TABLE "hosts" ADD COLUMN     "portRangeMax" INTEGER NOT NULL DEFAULT 30999,
ADD COLUMN     "portRangeMin" INTEGER NOT NULL DEFAULT 30000,
ADD COLUMN     "publicAddress" TEXT;

-- AlterTable
ALTER TABLE "instances" ADD COLUMN     "serverGroupId" UUID;

-- CreateTable
CREATE TABLE "networks" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "cidr" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "network_hosts" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "hostId" UUID NOT NULL,
    "cidr" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "dockerNetworkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "network_hosts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_networks" (
    "instanceId" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "instance_networks_pkey" PRIMARY KEY ("instanceId","networkId")
);

-- CreateTable
CREATE TABLE "instance_addresses" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "networkHostId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "server_groups" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "policy" "ServerGroupPolicy" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "server_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "published_ports" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "hostId" UUID NOT NULL,
    "hostPort" INTEGER NOT NULL,
    "containerPort" INTEGER NOT NULL,
    "containerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "published_ports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "networks_projectId_name_key" ON "networks"("projectId", "name");

-- CreateIndex
CREATE INDEX "network_hosts_hostId_idx" ON "network_hosts"("hostId");

-- CreateIndex
CREATE UNIQUE INDEX "network_hosts_networkId_hostId_key" ON "network_hosts"("networkId", "hostId");

-- CreateIndex
CREATE INDEX "instance_networks_networkId_idx" ON "instance_networks"("networkId");

-- CreateIndex
CREATE UNIQUE INDEX "instance_addresses_networkHostId_address_key" ON "instance_addresses"("networkHostId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "instance_addresses_instanceId_networkHostId_key" ON "instance_addresses"("instanceId", "networkHostId");

-- CreateIndex
CREATE UNIQUE INDEX "server_groups_projectId_name_key" ON "server_groups"("projectId", "name");

-- CreateIndex
CREATE INDEX "published_ports_instanceId_idx" ON "published_ports"("instanceId");

-- CreateIndex
CREATE INDEX "published_ports_projectId_idx" ON "published_ports"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "published_ports_hostId_hostPort_key" ON "published_ports"("hostId", "hostPort");

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_serverGroupId_fkey" FOREIGN KEY ("serverGroupId") REFERENCES "server_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "networks" ADD CONSTRAINT "networks_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "network_hosts" ADD CONSTRAINT "network_hosts_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "network_hosts" ADD CONSTRAINT "network_hosts_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_networks" ADD CONSTRAINT "instance_networks_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_networks" ADD CONSTRAINT "instance_networks_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "networks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_addresses" ADD CONSTRAINT "instance_addresses_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_addresses" ADD CONSTRAINT "instance_addresses_networkHostId_fkey" FOREIGN KEY ("networkHostId") REFERENCES "network_hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "server_groups" ADD CONSTRAINT "server_groups_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_ports" ADD CONSTRAINT "published_ports_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_ports" ADD CONSTRAINT "published_ports_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_ports" ADD CONSTRAINT "published_ports_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

