/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// `vite build` builds the browser library (ESM + UMD + .d.ts);
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
  return {
    publicDir: false,
    plugins: [
      dts({
        entryRoot: 'src',
        outDirs: 'dist/types',
        include: ['src'],
        exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/emulator/test-fixtures.ts'],
      }),
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      lib: {
        entry: 'src/index.ts',
        name: 'videojsMediaCollection',
        formats: ['es', 'umd'],
        fileName: (format) =>
          format === 'es' ? 'videojs-media-collection.js' : 'videojs-media-collection.umd.cjs',
      },
      rollupOptions: {
        external: ['video.js'],
        output: { globals: { 'video.js': 'videojs' }, exports: 'named' },
      },
    },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
    },
  };
});
