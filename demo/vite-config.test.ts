// `npm run demo` loads demo/vite.config.ts through Vite's config loader, which warns about every import
// that Node could not follow if it ran the .ts config itself (the loader Vite plans to make the default):
// extension-less or directory imports, `__dirname`… The config and everything it reaches (src/emulator,
// the src/mc modules the emulator uses) therefore import with file extensions; this keeps it so
// (docs/contributing.md#packaging).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfigFromFile } from 'vite';
import { afterEach, expect, it, vi } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

afterEach(() => {
  vi.unstubAllEnvs();
});

it("loads with no warning from Vite's config loader", async () => {
  vi.stubEnv('VITE_CONFIG_NATIVE_IGNORE_WARNING', ''); // set, it would skip the check this test relies on
  const warnings: string[] = [];
  const logger = createLogger('warn');
  logger.warn = (message) => {
    warnings.push(message);
  };
  logger.warnOnce = logger.warn;
  const loaded = await loadConfigFromFile(
    { command: 'serve', mode: 'development' },
    path.join(here, 'vite.config.ts'),
    here,
    'warn',
    logger,
  );
  expect(warnings).toEqual([]);
  // The loader did walk the emulator's modules (so the empty list above means something).
  expect(loaded?.dependencies).toContain(path.join(here, '../src/emulator/vite-plugin.ts'));
});
