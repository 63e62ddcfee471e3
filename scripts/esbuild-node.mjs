// The esbuild options of every Node program the project bundles (CLI, playground, benches, the
// example writer): ESM for Node 20, with node_modules left to Node to resolve.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
