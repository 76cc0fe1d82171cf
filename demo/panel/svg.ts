// Building SVG without a library: one helper that creates an element with attributes and children.
const NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    // textContent, never markup: labels come from event bodies (chapter and ad names).
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A hover tooltip for a shape (read by some screen readers too). */
export const tip = (text: string): SVGTitleElement => svg('title', {}, text);

/** Rounds coordinates: shorter attributes, and no sub-pixel noise in screenshots. */
export const r1 = (value: number): number => Math.round(value * 10) / 10;
