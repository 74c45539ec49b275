/**
 * FHIR search value escaping: `\,` `\|` `\$` and `\\` stand for the literal characters, so a value
 * list is split on unescaped separators first and unescaped afterwards.
 */

/** Splits on every `separator` not preceded by a backslash; the parts stay escaped. */
export function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes search escapes: `\,` → `,`, `\|` → `|`, `\$` → `$`, `\\` → `\`. */
export function unescapeValue(text: string): string {
  return text.replace(/\\([,|$\\])/g, '$1');
}
