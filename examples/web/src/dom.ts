/** What may go into an element; null, undefined, false and '' leave nothing. */
type Child = Node | string | null | undefined | false;
const present = (child: Child): child is Node | string => child !== null && child !== undefined && child !== false && child !== '';

/**
 * Creates an element with properties and children. Strings become text nodes, so data from the
 * graph is never parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter(present));
  return element;
}

/** The element with this id; the page's markup is fixed, so a missing one is a bug. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return element;
}

/** The date part of a FHIR date or dateTime: the same in every time zone and locale. */
export const day = (value: string | null | undefined): string => value?.slice(0, 10) ?? '—';

/** A date as a `<time>` element, which the styles keep on one line. */
export const date = (value: string | null | undefined): Node | string =>
  value ? h('time', { dateTime: value }, day(value)) : '—';

/** The children that are present, separated by dots: `MRN0001 · female · born 1951-01-15`. */
export const separated = (...children: Child[]): (Node | string)[] =>
  children.filter(present).flatMap((child, i) => (i === 0 ? [child] : [' · ', child]));

/** The same as text, for headings and alt texts. */
export const joined = (...parts: (string | null | undefined | false)[]): string => parts.filter(present).join(' · ');
