// npm puts node_modules/.bin first on PATH, so the `node` devDependency (24.x) runs every script.
// This guard makes a wrong runtime fail loudly instead of half-working.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Node 24 is required, got ${process.version}. Run scripts through npm (npm test / npm start).`,
  );
  process.exit(1);
}
console.log(`node ${process.version}`);
