/**
 * The other names a speaker goes by, as a reader wants them listed: no possessive forms (`Mr Raab's`
 * is `Mr Raab`), nothing that is the name itself or a title already shown (`the world’s leading
 * democracies` for `world’s leading democracies`), no repeats.
 */

/** A name folded for comparison: case, curly quotes, a leading `the`, a possessive ending and spacing. */
function fold(name: string): string {
  return withoutPossessive(name).toLowerCase().replace(/[‘’]/g, "'").replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

/** `Mr Raab's` → `Mr Raab`, `the Smiths’` → `the Smiths`. */
function withoutPossessive(name: string): string {
  return name.replace(/(?:['’]s|s['’])$/i, (ending) => (/^s/i.test(ending) ? ending[0] : '')).trim();
}

export function cleanAliases(name: string, aliases: readonly string[], titles: readonly string[] = []): string[] {
  const seen = new Set([fold(name), ...titles.map(fold)]);
  const clean: string[] = [];
  for (const alias of aliases) {
    const shown = withoutPossessive(alias);
    const key = fold(shown);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    clean.push(shown);
  }
  return clean;
}
