// A heap snapshot summed by node type, to tell JS objects that pile up (a leak) from the engine's own
// growth: optimised code (JIT warm-up) and native records (DevTools keeps one per request while
// Playwright watches the network; resource timing keeps up to 250 entries).
import type { CDPSession } from '@playwright/test';

export type HeapByKind = { js: number; code: number; native: number; other: number };

const JS_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'number',
  'regexp',
  'bigint',
  'symbol',
  'object shape',
]);

export async function heapByKind(cdp: CDPSession): Promise<HeapByKind> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const sums: HeapByKind = { js: 0, code: 0, native: 0, other: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!]!;
    const kind = JS_TYPES.has(type)
      ? 'js'
      : type === 'code'
        ? 'code'
        : type === 'native'
          ? 'native'
          : 'other';
    sums[kind] += snapshot.nodes[i + sizeAt]!;
  }
  return sums;
}
