/**
 * Bundles each cloud function (its entry plus cloudfunctions/core and types/) with esbuild into a deployable
 * folder under cloudfunctions-dist/<name>/: index.js, package.json (wx-server-sdk), config.json. No .ts ships.
 */
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../cloudfunctions/registry'

const root = resolve(__dirname, '..')
export const OUT_DIR = join(root, 'cloudfunctions-dist')

const sdkVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies['wx-server-sdk']

export async function buildFunctions(outDir = OUT_DIR): Promise<Record<string, number>> {
  rmSync(outDir, { recursive: true, force: true })
  const sizes: Record<string, number> = {}
  for (const name of Object.keys(FUNCTIONS)) {
    const dir = join(outDir, name)
    mkdirSync(dir, { recursive: true })
    await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    })
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n',
    )
    copyFileSync(join(root, 'cloudfunctions', name, 'config.json'), join(dir, 'config.json'))
    sizes[name] = statSync(join(dir, 'index.js')).size
  }
  return sizes
}

/** Run as `npm run build:functions`; imported by tests. */
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  buildFunctions().then((sizes) => {
    for (const [name, size] of Object.entries(sizes)) console.log(`cloudfunctions-dist/${name}/index.js  ${(size / 1024).toFixed(1)} KiB`)
  })
}
