// Page module (served by the demo's Vite server): loads the plugin into a harness page opened with
// noplugin=1 and attaches it to the existing player, so the dispose bench can count what the page had
// before the plugin existed.
import { COLLECTOR, demoParams } from '../../../demo/demo-options';

export async function attachPlugin(player: unknown): Promise<unknown> {
  await import('../../../src/index');
  const init = (player as { mediaCollection(options: unknown): unknown }).mediaCollection;
  return init.call(player, { endpoint: COLLECTOR, params: demoParams('content.webm') });
}
