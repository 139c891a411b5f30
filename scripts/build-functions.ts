/**
 * Bundles each cloud function (its entry plus cloudfunctions/core and types/) with esbuild into a deployable
 * folder under cloudfunctions-dist/<name>/: index.js, package.json (wx-server-sdk), config.json. No .ts ships.
 * It answers each bundle's size and the npm packages in it (tests hold exceljs to the one `exports` function).
 */
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../cloudfunctions/registry'

const root = resolve(__dirname, '..')
export const OUT_DIR = join(root, 'cloudfunctions-dist')

const sdkVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies['wx-server-sdk']

export interface FunctionBundle {
  /** The size of index.js. */
  bytes: number
  /** The npm packages bundled into it, by name, sorted. */
  packages: string[]
}

/** The package a bundled file comes from (`node_modules/exceljs/dist/…` → exceljs), or undefined for our own code. */
function packageOf(input: string): string | undefined {
  const parts = input.split(/[\\/]/)
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  return parts[at + 1]?.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]
}

export async function buildFunctions(outDir = OUT_DIR): Promise<Record<string, FunctionBundle>> {
  rmSync(outDir, { recursive: true, force: true })
  const bundles: Record<string, FunctionBundle> = {}
  for (const name of Object.keys(FUNCTIONS)) {
    const dir = join(outDir, name)
    mkdirSync(dir, { recursive: true })
    const { metafile } = await build({
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
      metafile: true,
    })
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n',
    )
    copyFileSync(join(root, 'cloudfunctions', name, 'config.json'), join(dir, 'config.json'))
    const packages = new Set(Object.keys(metafile.inputs).flatMap((input) => packageOf(input) ?? []))
    bundles[name] = { bytes: statSync(join(dir, 'index.js')).size, packages: [...packages].sort() }
  }
  return bundles
}

/** Run as `npm run build:functions`; imported by tests. */
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  buildFunctions().then((bundles) => {
    for (const [name, { bytes }] of Object.entries(bundles)) console.log(`cloudfunctions-dist/${name}/index.js  ${(bytes / 1024).toFixed(1)} KiB`)
  })
}
