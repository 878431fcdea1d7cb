/**
 * An article's paragraphs written out as the pages and notes people save: web pages of several
 * layouts and Markdown. The first paragraph is the headline. Each rendering must read back as the
 * same paragraphs (see the reader tests), so every layout puts its furniture where a reader
 * should leave it out, and its markup where a reader should see through it.
 */

/** The paragraphs of a plain-text article: its non-empty lines, spaces collapsed. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/[ \t]+/g, ' ').trim()).filter((line) => line !== '');
}

/** Deterministic choices, so that a failing layout fails the same way every run. */
function chooser(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NAMED: Record<string, string> = {
  '’': '&rsquo;', '‘': '&lsquo;', '“': '&ldquo;', '”': '&rdquo;', '–': '&ndash;', '—': '&mdash;', '"': '&quot;',
  "'": '&#x27;', '&': '&amp;', '<': '&lt;', '>': '&gt;', 'é': '&eacute;', '£': '&pound;', ',': '&comma;', '.': '&period;',
};

/** Every character that can be a reference is one, in turn named, decimal and hexadecimal; some spaces too. */
export function entitiesEverywhere(text: string): string {
  let out = '';
  let turn = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (/[A-Za-z0-9]/.test(character)) out += character;
    else if (character === ' ') out += turn++ % 4 === 0 ? '&#32;' : ' ';
    else if (turn++ % 3 === 0 && NAMED[character] !== undefined) out += NAMED[character];
    else if (turn % 3 === 1) out += `&#${code};`;
    else out += `&#x${code.toString(16).toUpperCase()};`;
  }
  return out;
}

/** Words wrapped in inline tags, a quote's opening mark and first word in one, one word split by a tag. */
export function inlineSplit(text: string, seed: number): string {
  const choose = chooser(seed);
  const words = text.split(' ');
  return words
    .map((word, index) => {
      const escaped = escapeHtml(word);
      switch (choose(7)) {
        case 0: return `<em>${escaped}</em>`;
        case 1: return `<a href="https://example.invalid/${index}?a=1&amp;b=2" title="&quot;${index}&quot;">${escaped}</a>`;
        case 2: return /^[“"‘']/.test(word) ? `<strong>${escaped}</strong>` : `<span class="w">${escaped}</span>`;
        case 3: return word.length > 3 ? `${escapeHtml(word.slice(0, 2))}<b>${escapeHtml(word.slice(2))}</b>` : escaped;
        case 4: return `<a href="#x${index}"><i>${escaped}</i></a>`;
        default: return escaped;
      }
    })
    .join(' ');
}

/** Scripts, styles, comments, templates and hidden elements, all full of quote marks, inside the paragraph. */
export function withNoise(text: string, seed: number): string {
  const choose = chooser(seed);
  const noise = [
    '<script>document.title = "“Breaking,” said nobody"; if (a < b && c > d) { x = \'</p>\'; }</script>',
    '<!-- “We never said this,” the editor noted -->',
    '<style>p::before { content: "“"; }</style>',
    '<noscript>"Please enable JavaScript," the site said.</noscript>',
    '<span hidden>“A hidden quote,” she said.</span>',
    '<span style="display: none">"Invisible words," he said.</span>',
    '<span aria-hidden="true">“Decorative quote,”</span>',
    '<template><p>“Templated quote,” they said.</p></template>',
    '<img src="photo.jpg" alt="“Alt text quote,” said the caption">',
    '<button type="button">“Share this quote”</button>',
  ];
  return text
    .split(' ')
    .map((word) => escapeHtml(word) + (choose(4) === 0 ? noise[choose(noise.length)] : ''))
    .join(' ');
}

/** Source line wrapping as editors and CMSs leave it: CRLF, indentation, tabs. */
export function wrapped(text: string, width: number, lineBreak: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((each, index) => (index === 0 ? each : indent + each)).join(lineBreak);
}

const HEAD = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Westhaven news &amp; more</title>
<script>window.dataLayer = [{ "quote": "“Fake quote,” said the tracker" }];</script>
<style>body { font-family: serif; } .q::after { content: "”"; }</style>
</head>`;

const NAV = `<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport &amp; Leisure</a></li></ul></nav>`;
const FOOTER = `<footer class="site-footer"><p>&copy 2024 Westhaven Media. “All rights reserved,” as they say.</p><p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>`;
const ASIDE = `<aside class="related"><h2>Related</h2><ul><li><a href="/1">“Cranes are coming,” says report</a></li><li><a href="/2">Ferry timetable changes</a></li></ul></aside>`;
const FORM = `<form action="/subscribe"><label>Email <input type="email" name="email"></label><button>“Subscribe now”</button></form>`;

export type HtmlLayout = 'article' | 'main' | 'divSoup' | 'entities' | 'inlineSplit' | 'noise' | 'jsonLd' | 'wrapped';

export const HTML_LAYOUTS: HtmlLayout[] = ['article', 'main', 'divSoup', 'entities', 'inlineSplit', 'noise', 'jsonLd', 'wrapped'];

/** A web page holding the article; `paragraphs[0]` is its headline. */
export function renderHtml(paragraphs: string[], layout: HtmlLayout): string {
  const [headline, ...body] = paragraphs;
  switch (layout) {
    case 'article':
      return `${HEAD}
<body>
<header class="masthead"><a class="logo" href="/">Westhaven Today</a>${NAV}</header>
<article>
<header><h1>${escapeHtml(headline)}</h1><div class="social-share"><a href="/share">Share on social media</a></div></header>
${body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<footer><div class="newsletter-signup">“Get the news first,” sign up now</div></footer>
</article>
${ASIDE}
${FORM}
${FOOTER}
</body>
</html>`;
    case 'main':
      return `${HEAD}
<body>
<header><div class="brand">Westhaven Today</div>${NAV}<h1 class="headline">${escapeHtml(headline)}</h1></header>
<main>
${body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</main>
${FOOTER}
</body>
</html>`;
    case 'divSoup':
      return `${HEAD}
<body>
<div id="top"><div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></div></div>
<div class="wrap">
<div class="header"><h1>${escapeHtml(headline)}</h1></div>
<div class="sidebar"><div class="box">Most read: <a href="/a">“Cranes are coming,” says report</a>, <a href="/b">Ferry, timetable, changes, again</a>, <a href="/c">Weather, wind, rain</a></div></div>
<div class="post-body">
${body.map((paragraph) => `<div class="para">${escapeHtml(paragraph)}</div>`).join('\n')}
</div>
<div class="comments"><div class="comment">“Great article,” wrote a reader, “but what about the ferries, the fishing boats, the shops?”</div></div>
</div>
<div class="footer">Westhaven Today, 1 Quay Street, Westhaven. Call us, write to us, visit us.</div>
</body>
</html>`;
    case 'entities':
      return `${HEAD}
<body>
<article>
<h1>${entitiesEverywhere(headline)}</h1>
${body.map((paragraph) => `<p>${entitiesEverywhere(paragraph)}</p>`).join('\n')}
</article>
</body>
</html>`;
    case 'inlineSplit':
      return `${HEAD}
<body>${NAV}
<article>
<h1>${inlineSplit(headline, 7)}</h1>
${body.map((paragraph, index) => `<p>${inlineSplit(paragraph, index + 11)}</p>`).join('\n')}
</article>
</body>
</html>`;
    case 'noise':
      return `${HEAD}
<body>${NAV}
<article>
<h1>${escapeHtml(headline)}</h1>
${body.map((paragraph, index) => `<p>${withNoise(paragraph, index + 3)}</p>\n<!-- paragraph ${index} -->\n<script>var s = '<p>“${index}”</p>';</script>`).join('\n')}
</article>
${FOOTER}
</body>
</html>`;
    case 'jsonLd': {
      const structured = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline, articleBody: body.join('\n\n') });
      return `${HEAD.replace('</head>', `<script type="application/ld+json">${structured.replace(/</g, '\\u003c')}</script>\n</head>`)}
<body>
<div class="c1"><div class="c2"><a href="/">Home</a>, <a href="/news">News</a>, <a href="/world">World</a></div></div>
<div class="c3"><div class="c4"><h1>${escapeHtml(headline)}</h1>
${body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</div></div>
<div class="c5"><p>Readers, writers, editors, printers, sellers, buyers: everyone, everywhere, every day, all year, loves this paper, its pages, its puzzles, its letters, its crosswords, its recipes.</p><p>Subscribe today, tomorrow, next week, next month, next year, for yourself, for your family, for your friends, for your neighbours.</p></div>
</body>
</html>`;
    }
    case 'wrapped':
      return `${HEAD}\r\n<body>\r\n\t<article>\r\n\t\t<h1>\r\n\t\t\t${wrapped(escapeHtml(headline), 40, '\r\n', '\t\t\t')}\r\n\t\t</h1>\r\n${body
        .map((paragraph) => `\t\t<p>\r\n\t\t\t${wrapped(escapeHtml(paragraph), 60, '\r\n', '\t\t\t')}\r\n\t\t</p>`)
        .join('\r\n')}\r\n\t</article>\r\n</body>\r\n</html>\r\n`.replace(/\r?\n/g, '\r\n');
  }
}

/** Escapes what Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#&!|~]/g, (character) => (character === '&' ? '&amp;' : `\\${character}`)).replace(/^([+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A Markdown note of the article: front matter, `#` headline, links and emphasis on some words, soft-wrapped lines. */
export function renderMarkdown(paragraphs: string[], lineBreak = '\n'): string {
  const [headline, ...body] = paragraphs;
  const choose = chooser(5);
  const styled = (paragraph: string): string =>
    paragraph
      .split(' ')
      .map((word, index) => {
        const escaped = escapeMarkdown(word);
        switch (choose(9)) {
          case 0: return `*${escaped}*`;
          case 1: return `**${escaped}**`;
          case 2: return `[${escaped}](https://example.invalid/${index} "a \\"title\\"")`;
          case 3: return `[${escaped}][ref]`;
          default: return escaped;
        }
      })
      .join(' ');
  const lines = [
    '---',
    `title: "${headline.replace(/"/g, '\\"')}"`,
    'tags: [strike, port]',
    '---',
    '',
    `# ${escapeMarkdown(headline)} #`,
    '',
    '![The quay at dawn](quay.jpg "“Photo,” the caption said")',
    '',
    '<!-- “Check this quote,” the editor wrote -->',
    '',
  ];
  body.forEach((paragraph, index) => {
    lines.push(...wrapped(styled(paragraph), 72, '\n', index % 3 === 2 ? '   ' : '').split('\n'), '');
    if (index === 2) lines.push('***', '');
  });
  lines.push('[ref]: https://example.invalid/ref "“Reference,” it says"', '');
  return lines.join(lineBreak);
}
