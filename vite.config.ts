/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// `vite build` builds the browser library (ESM + .d.ts), `vite build --mode umd` the UMD file;
// `vite build --mode emulator` builds the collector emulator for Node.
export default defineConfig(({ mode }) => {
  if (mode === 'emulator') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/emulator',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        minify: false,
        lib: { entry: { index: 'src/emulator/index.ts', cli: 'src/emulator/cli.ts' }, formats: ['es'] },
        rollupOptions: {
          external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vite'],
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
          dts({
            entryRoot: 'src',
            outDirs: 'dist/types',
            include: ['src'],
            exclude: ['src/**/*.test.ts', 'src/**/*fixtures.ts', 'src/test-support/**'],
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
        output: { globals: { 'video.js': 'videojs' }, exports: 'named' },
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'demo/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
    },
  };
});
