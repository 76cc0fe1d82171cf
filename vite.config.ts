/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import type { IExtractorInvokeOptions } from '@microsoft/api-extractor';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// `vite build` builds the browser library (ESM + .d.ts + .d.cts), `vite build --mode umd` the UMD
// file; `vite build --mode emulator` builds the collector emulator for Node (ESM + .d.ts).
//
// Declarations are rolled up into one file per entry (API Extractor, through vite-plugin-dts): a
// rolled-up file has no relative imports, so it resolves the same under every TypeScript
// moduleResolution (node10, node16/nodenext from ESM and from CJS, bundler), and the CommonJS copy
// (.d.cts, for the `require` condition) is the same text under a name TypeScript reads as CommonJS.
// `npm run test:pack` (publint, attw) checks the packed result: docs/contributing.md#packaging.
const NOT_SHIPPED = ['src/**/*.test.ts', 'src/**/*fixtures.ts', 'src/test-support/**'];

// API Extractor announces the TypeScript version it analyses with on every run: not news. (vite-plugin-dts
// passes these options through to Extractor.invoke; its own type lists only some of them.)
const quietExtractor: IExtractorInvokeOptions = {
  messageCallback: (message) => {
    if (message.messageId === 'console-preamble') message.handled = true;
  },
};

type TypesOptions = Pick<NonNullable<Parameters<typeof dts>[0]>, 'outDirs' | 'include' | 'exclude'>;

function rolledUpTypes(options: TypesOptions) {
  return dts({
    entryRoot: 'src',
    ...options,
    bundleTypes: { invokeOptions: quietExtractor },
  });
}

// Declaration emit and roll-up take most of a library build: expected, so not reported.
const checks = { pluginTimings: false };

export default defineConfig(({ mode }) => {
  if (mode === 'emulator') {
    return {
      publicDir: false,
      plugins: [
        rolledUpTypes({
          outDirs: 'dist/emulator',
          include: ['src/emulator', 'src/mc'],
          exclude: NOT_SHIPPED,
        }),
      ],
      build: {
        outDir: 'dist/emulator',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        minify: false,
        lib: { entry: { index: 'src/emulator/index.ts', cli: 'src/emulator/cli.ts' }, formats: ['es'] },
        rollupOptions: {
          external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vite'],
          checks,
        },
      },
    };
  }
  // The ESM build leaves rxjs and idb-keyval to the site's bundler (they are dependencies);
  // the UMD build is for <script> tags, so it carries them and minifies.
  const umd = mode === 'umd';
  return {
    publicDir: false,
    plugins: umd
      ? []
      : [
          rolledUpTypes({
            outDirs: ['dist/types', { dir: 'dist/types', moduleFormat: 'cjs' }],
            include: ['src'],
            exclude: [...NOT_SHIPPED, 'src/emulator/**'],
          }),
        ],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: umd,
      lib: {
        entry: 'src/index.ts',
        name: 'videojsMediaCollection',
        formats: umd ? ['umd'] : ['es'],
        fileName: () => (umd ? 'videojs-media-collection.umd.cjs' : 'videojs-media-collection.js'),
      },
      rollupOptions: {
        external: umd ? ['video.js'] : (id) => /^(video\.js|rxjs|idb-keyval)(\/|$)/.test(id),
        // A <script> tag cannot load a chunk beside it: the UMD file carries the ad adapters inline.
        output: {
          globals: { 'video.js': 'videojs' },
          exports: 'named',
          ...(umd ? { inlineDynamicImports: true } : {}),
        },
        checks,
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'demo/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
      // Every core (Vitest's default leaves one free): 18 s instead of 32 s on the 2-core machine.
      maxWorkers: '100%',
    },
  };
});
