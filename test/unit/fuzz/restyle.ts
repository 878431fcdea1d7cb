/**
 * A copy of an article in the other typography, for the conflict rule's property tests and the
 * restyle check over the evaluation corpora (scripts/check/restyle.mjs): straight double quotes
 * become curly ones, “ and ” alternating within each paragraph; curly ones become straight; and
 * every sentence end gets two spaces after it. The words stay the same, so a comparison of an
 * article with its restyled copy must find every quote identical and no conflict.
 */
export function restyle(text: string): string {
  return text.split('\n').map((line) => {
    let opens = true;
    return line
      .replace(/["“”]/gu, (mark) => {
        if (mark !== '"') return '"';
        const curly = opens ? '“' : '”';
        opens = !opens;
        return curly;
      })
      .replace(/([.!?]["“”’)]?) (?=["“”\p{Lu}])/gu, '$1  ');
  }).join('\n');
}
