// Item 1: what each candidate adds to a video.js page built with Vite, and, for the plugin, which
// package the bytes come from. The added size is (app with the candidate) − (app with video.js alone),
// both measured as built files, so the figure is exactly what a site's users download more.
import path from 'node:path';
import { ROOT } from '../lib/paths.mjs';
import { CANDIDATES } from './apps.mjs';
import { srcFolderOf } from './attribute.mjs';
import { bundleApp, compressed } from './bundle.mjs';
import { buildPackage } from './package-build.mjs';

const minus = (a, b) => ({ min: a.min - b.min, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });

/**
 * The plugin's bytes by group. Minified bytes come exactly from the source map; gzip and brotli do not
 * split (one stream compresses across modules), so each group gets the share of the measured total in
 * proportion to its code compressed alone, which is also reported.
 */
function breakdown(candidate, build, added) {
  const texts = new Map();
  for (const [pkg, text] of build.byPackage) {
    const group = candidate.groups[pkg];
    if (group) texts.set(group, (texts.get(group) ?? '') + text);
  }
  const groups = [...new Set(Object.values(candidate.groups))].map((name) => {
    const text = texts.get(name) ?? '';
    return { name, alone: text ? compressed(text) : { min: 0, gzip: 0, brotli: 0 } };
  });
  const sum = (key) => groups.reduce((total, g) => total + g.alone[key], 0);
  const share = (g, key) => (sum(key) > 0 ? Math.round((added[key] * g.alone[key]) / sum(key)) : 0);
  return {
    groups: groups.map((g) => ({
      name: g.name,
      min: g.alone.min,
      gzip: share(g, 'gzip'),
      brotli: share(g, 'brotli'),
      alone: g.alone,
    })),
    // Bytes the groups do not account for: module glue and renaming differences in video.js.
    otherMin: added.min - sum('min'),
  };
}

/** Builds the plugin and the app variants in `workDir`; `ids` picks candidates (default: all). */
export async function measureSizes(workDir, ids = CANDIDATES.map((c) => c.id)) {
  await buildPackage(workDir);
  const chosen = CANDIDATES.filter((c) => c.id === 'baseline' || ids.includes(c.id));
  const builds = new Map();
  for (const candidate of chosen) {
    builds.set(candidate.id, await bundleApp(workDir, candidate.id, candidate.code));
  }
  const baseline = builds.get('baseline').total;
  const candidates = chosen
    .filter((c) => c.id !== 'baseline')
    .map((c) => {
      const build = builds.get(c.id);
      const added = minus(build.total, baseline);
      return {
        id: c.id,
        label: c.label,
        chunks: build.chunks,
        // With ads: every chunk, the ad chunk included. No ads: what a page without an ad stack loads.
        added,
        addedNoAds: minus(build.eager, baseline),
        lazy: build.lazy,
        ...(c.groups ? { breakdown: breakdown(c, build, added) } : {}),
      };
    });
  return { unit: 'bytes; 1 kB = 1000 B; gzip -9, brotli -q 11', baseline, candidates };
}

/**
 * Where the plugin's own bytes come from, by folder of src/ (minified bytes and gzip of each folder's
 * code alone), from an app build that imports src/index.ts instead of the built package: it tree-shakes
 * the same modules, and its source map names them.
 */
export async function pluginBySourceFolder(workDir) {
  const plugin = CANDIDATES.find((c) => c.id === 'plugin');
  const build = await bundleApp(workDir, 'plugin-src', plugin.code, {
    alias: { 'videojs-media-collection': path.join(ROOT, 'src/index.ts') },
    ownerOf: srcFolderOf,
  });
  return [...build.byPackage]
    .filter(([owner]) => owner.startsWith('src:'))
    .map(([owner, text]) => ({ folder: owner.slice('src:'.length), ...compressed(text) }))
    .sort((a, b) => b.gzip - a.gzip);
}

export const sizeWorkDir = (outDir, name = 'size') => path.join(outDir, name);
