#!/usr/bin/env node
// The registry mirror here serves only the linux-x64 builds of @astrojs/compiler-binding; npm then leaves the
// other platforms' optional packages out of the lock and `npm ci` refuses it. Lock them with their platform
// fields (no tarball needed: npm skips optional packages for other platforms).
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const plat = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
const parent = lock.packages['node_modules/@astrojs/compiler-binding'];
for (const [name, version] of Object.entries(parent.optionalDependencies)) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const p = plat[name.replace('@astrojs/compiler-binding-', '')];
  if (!p) throw new Error(`no platform for ${name}`);
  lock.packages[key] = { version, license: 'MIT', optional: true, ...p, engines: parent.engines };
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
