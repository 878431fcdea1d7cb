/**
 * Rendering a comparison: the header's sentences and legend, the speaker filter's options and both
 * articles with their marks. Article text enters the DOM only as text nodes (`textContent`,
 * `createTextNode`), never as HTML, so an article containing `<script>` or `<img onerror=…>` shows
 * as the characters it is.
 *
 * Marks follow core/views/palette.ts: a background for shared text (by the passage's kind, never
 * its position, so a passage keeps its colour from one run to the next; a stronger one for words
 * that differ), an underline for a quote (by its one status). Nothing else marks a word.
 */
import { formatLabel } from '../../src/core/formats/article';
import type { AttributionConflict, Comparison, DocumentAnalysis, QuoteMatch, Side } from '../../src/core/model';
import { LineIndex } from '../../src/core/text/lines';
import { conflictsByMatch, otherSide } from '../../src/core/views/lookup';
import { LEGEND, PASSAGE_SWATCHES, QUOTE_SWATCHES } from '../../src/core/views/palette';
import { lineBreakStyle } from '../../src/core/views/paragraphs';
import { quoteStatuses } from '../../src/core/views/quoteMarks';
import { speakerLabels } from '../../src/core/views/speakerLabels';
import { comparisonSummary, type SummaryKey } from '../../src/core/views/summary';
import { changedWordTitle, conflictEvidenceLines, noSharedPassages, quoteHeadline, speakerOption, speakerSentence } from '../../src/core/views/wording';
import { applyFilters } from './filters';
import { BLOCK_CHARS, isLaidOutLazily } from './lazyLayout';
import { updatePosition } from './navigation';
import { redrawOutlines } from './outline';
import { SIDES, type ArticleBlocks, type Page } from './page';
import { placeAfterEdit, returnToPlace } from './readingPlace';
import { buildSegments, splitBlocks, type Label, type Mark, type Segment } from './segments';

export function render(page: Page): void {
  const { state, elements } = page;
  const { articles, titles } = elements;
  if (!state.current) return;
  const { comparison, texts } = state.current;
  const scroll = state.pending?.scroll ?? { a: articles.a.scrollTop, b: articles.b.scrollTop };
  const reading = state.pending?.place ?? { a: placeAfterEdit(page, 'a', texts.a), b: placeAfterEdit(page, 'b', texts.b) };
  state.pending = undefined;
  renderSummary(page, comparison);
  renderSpeakerOptions(page, comparison);
  for (const side of SIDES) {
    titles[side].textContent = comparison[side].name;
    articles[side].setAttribute('aria-label', `Article ${side.toUpperCase()}: ${comparison[side].name}`);
    articles[side].classList.toggle('lazy', isLaidOutLazily(texts[side]));
    const article = renderArticle(side, texts, comparison);
    state.blocks[side] = article.blocks;
    articles[side].replaceChildren(article.fragment);
  }
  applyFilters(page);
  for (const side of SIDES) {
    articles[side].scrollTop = scroll[side];
    const place = reading[side];
    if (place && articles[side].classList.contains('lazy')) returnToPlace(page, side, place);
  }
  state.passageCursor = Math.min(state.passageCursor, comparison.passages.length - 1);
  for (const side of SIDES) {
    const target = state.outlined[side];
    // A re-run may have fewer passages or quotes: an outline on one that is gone goes too, and with it the place it named.
    if (target && (target.kind === 'passage' ? !comparison.passages[target.id] : !comparison[side].quotes[target.id])) {
      state.outlined[side] = undefined;
      state.position = undefined;
    }
  }
  redrawOutlines(page);
  updatePosition(page);
}

const STAT_ICONS: Partial<Record<SummaryKey, string>> = { passages: 'codicon-link', quotes: 'codicon-quote', conflicts: 'codicon-check', truncated: 'codicon-warning' };

/**
 * The header: passages, quotes and conflicts in sentences (the same the exported report shows), the
 * empty state, and the legend; each article's share stands under its title.
 */
function renderSummary(page: Page, comparison: Comparison): void {
  const summary = comparisonSummary(comparison);
  for (const side of SIDES) page.elements.shares[side].textContent = summary.find((item) => item.key === `share-${side}`)?.text ?? '';
  const items = summary.filter(({ key }) => STAT_ICONS[key] !== undefined)
    .map(({ key, text, alert }) => statItem(`stat-${key}`, text, alert ? 'codicon-warning' : STAT_ICONS[key] ?? '', alert));
  const reading = SIDES.flatMap((side) => {
    const read = readingLine(comparison[side]);
    return read ? [statItem(`stat-format-${side}`, read.text, read.icon, read.icon === 'codicon-warning', read.note)] : [];
  });
  page.elements.stats.replaceChildren(...items, ...reading);
  const { emptyState } = page.elements;
  emptyState.hidden = comparison.passages.length > 0;
  emptyState.textContent = comparison.passages.length > 0 ? '' : noSharedPassages(comparison.options.minWords);
  renderLegend(page, comparison);
}

/** One line naming every colour of the page; what this comparison does not hold is dimmed, not removed, so the line does not jump. */
function renderLegend(page: Page, comparison: Comparison): void {
  const present = new Set<string>();
  for (const passage of comparison.passages) {
    present.add(passage.identical ? 'identicalPassage' : 'editedPassage');
    if (passage.differences.length) present.add('changedWords');
  }
  for (const side of SIDES) for (const status of quoteStatuses(comparison, side)) present.add(status.mark);
  const nodes: HTMLElement[] = [];
  for (const group of LEGEND) {
    const heading = document.createElement('span');
    heading.className = 'legend-group';
    heading.textContent = group.label;
    nodes.push(heading);
    for (const { kind, swatch } of group.items) {
      const item = document.createElement('span');
      item.className = `legend-item${present.has(kind) ? '' : ' absent'}`;
      item.setAttribute('role', 'listitem');
      const sample = document.createElement('span');
      sample.className = `swatch ${group.label === 'Quotes' ? 'quote' : 'passage'} ${swatch.className}`;
      sample.setAttribute('aria-hidden', 'true');
      sample.textContent = '\u00a0\u00a0\u00a0\u00a0';
      item.append(sample, document.createTextNode(swatch.label));
      nodes.push(item);
    }
  }
  page.elements.legend.replaceChildren(...nodes);
}

function statItem(id: string, text: string, icon: string, alert: boolean, note?: string): HTMLElement {
  const item = document.createElement('span');
  item.id = id;
  item.className = `stat${alert ? ' stat-alert' : ''}`;
  if (note) item.title = note;
  const glyph = document.createElement('span');
  glyph.className = `codicon ${icon}`;
  glyph.setAttribute('aria-hidden', 'true');
  item.append(glyph, document.createTextNode(` ${text}`));
  return item;
}

/**
 * How a document was read, when not as plain text: "read as a web page: 1,204 words of article
 * text" (the page shows that article text, not the markup), or a warning when its format failed.
 */
function readingLine(document: DocumentAnalysis): { text: string; icon: string; note: string } | undefined {
  const warnings = document.formatWarnings ?? [];
  if (document.format === 'text' && warnings.length === 0) return undefined;
  const note = [document.formatNote, ...warnings].filter((line) => line !== undefined).join('\n');
  if (document.format === 'text') return { text: `${document.name}: ${warnings[0]}`, icon: 'codicon-warning', note };
  const words = `${document.stats.words.toLocaleString('en')} word${document.stats.words === 1 ? '' : 's'} of article text`;
  return {
    text: `${document.name} read as ${formatLabel(document.format)}: ${words}`,
    icon: warnings.length > 0 ? 'codicon-warning' : document.format === 'html' ? 'codicon-globe' : 'codicon-markdown',
    note,
  };
}

function renderSpeakerOptions(page: Page, comparison: Comparison): void {
  const { filters } = page.state.ui;
  const { filterSpeaker } = page.elements;
  const names = { a: comparison.a.name, b: comparison.b.name };
  const all = document.createElement('option');
  all.value = '';
  all.textContent = 'All speakers';
  const options = comparison.speakers.map((speaker) => {
    const option = document.createElement('option');
    option.value = String(speaker.id);
    option.textContent = speakerOption(speaker, names);
    return option;
  });
  filterSpeaker.replaceChildren(all, ...options);
  if (filters.speaker !== null && !comparison.speakers[filters.speaker]) filters.speaker = null;
  filterSpeaker.value = filters.speaker === null ? '' : String(filters.speaker);
}

/** The marks of one side: passages by kind, the words that differ, quotes by status. */
function marksOf(side: Side, comparison: Comparison, texts: { readonly a: string; readonly b: string }): Mark[] {
  const other = otherSide(side);
  const names = { a: comparison.a.name, b: comparison.b.name };
  const evidence = evidenceOf(comparison, texts);
  // Headings first: a heading is a style of its words, and a passage or quote in it keeps its own marks.
  const marks: Mark[] = (comparison[side].headings ?? []).map((range) => ({ range, classes: ['heading'], data: {} }));
  const changed = (difference: Comparison['passages'][number]['differences'][number]): void => {
    const range = difference[side];
    if (range[1] > range[0]) marks.push({ range, classes: [PASSAGE_SWATCHES.changedWords.className], data: {}, title: changedWordTitle(difference, texts, names) });
  };
  for (const passage of comparison.passages) {
    const swatch = passage.identical ? PASSAGE_SWATCHES.identicalPassage : PASSAGE_SWATCHES.editedPassage;
    marks.push({ range: passage[side], classes: ['passage', swatch.className], data: { passage: passage.id } });
    for (const difference of passage.differences) changed(difference);
  }
  for (const { quote, matches, mark } of quoteStatuses(comparison, side)) {
    marks.push({
      range: quote.range,
      classes: ['quote', QUOTE_SWATCHES[mark].className],
      data: { quote: quote.id, speaker: quote.speaker ? quote.speaker.speaker : -1 },
      title: `${speakerSentence(quote.speaker?.name)} · ${quoteHeadline(matches[0], side, names[other])}${mark === 'conflict' ? ` · attribution conflict${conflictTitle(evidence, side, matches)}` : ''}`,
    });
  }
  for (const match of comparison.quoteMatches) {
    if (match.kind === 'altered') for (const difference of match.differences) changed(difference);
  }
  return marks;
}

/** A conflicting quote's evidence for its tooltip: each article's attribution with the cue it rests on. */
function conflictTitle(evidence: Evidence, side: Side, matches: readonly QuoteMatch[]): string {
  return matches.map((match) => evidence.byMatch.get(match)).filter((conflict) => conflict !== undefined)
    .map((conflict) => `\n${conflictEvidenceLines(conflict, side, evidence.names, evidence.texts, (which, offset) => evidence.lines()[which].positionAt(offset).line).join('\n')}`).join('');
}

/** What conflict tooltips read, made once per rendering (the line indexes only when a conflict asks). */
interface Evidence {
  byMatch: Map<QuoteMatch, AttributionConflict>;
  names: { a: string; b: string };
  texts: { readonly a: string; readonly b: string };
  lines(): { a: LineIndex; b: LineIndex };
}

function evidenceOf(comparison: Comparison, texts: { readonly a: string; readonly b: string }): Evidence {
  let lines: { a: LineIndex; b: LineIndex } | undefined;
  return {
    byMatch: conflictsByMatch(comparison), names: { a: comparison.a.name, b: comparison.b.name }, texts,
    lines: () => (lines ??= { a: new LineIndex(texts.a), b: new LineIndex(texts.b) }),
  };
}

/**
 * The article in blocks of whole lines (see `splitBlocks`), with the blocks and their starts; a
 * speaker's name before each statement when the setting asks for them.
 */
function renderArticle(side: Side, texts: { readonly a: string; readonly b: string }, comparison: Comparison): { fragment: DocumentFragment; blocks: ArticleBlocks } {
  const text = texts[side];
  const fragment = document.createDocumentFragment();
  const elements: HTMLElement[] = [];
  const starts: number[] = [];
  const labels: Label[] = speakerLabels(comparison[side].quotes, text).map((label) => ({ offset: label.offset, text: label.name }));
  const paragraphBreaks = lineBreakStyle(text) === 'paragraph-per-line';
  for (const pieces of splitBlocks(buildSegments(text, marksOf(side, comparison, texts), labels), BLOCK_CHARS)) {
    const block = document.createElement('div');
    block.className = 'block';
    for (const segment of pieces) block.append(...renderSegment(segment, paragraphBreaks, text));
    elements.push(block);
    starts.push(pieces[0]?.start ?? 0);
    fragment.append(block);
  }
  return { fragment, blocks: { elements, starts } };
}

/** A piece of text as a text node, or a span with its marks' classes and data, after its speaker label if it has one. */
function renderSegment(segment: Segment, paragraphBreaks: boolean, article: string): Node[] {
  const nodes: Node[] = [];
  if (segment.tag !== undefined) {
    // The name is drawn by CSS from the attribute: it is not text of the article, so finding,
    // copying and the reading place never meet it.
    const label = document.createElement('span');
    label.className = 'speaker-label';
    label.dataset.name = segment.tag;
    label.title = `Statement by ${segment.tag}`;
    nodes.push(label);
  }
  // In an article with a paragraph on each line, the line feed becomes the space between paragraphs.
  const feed = paragraphBreaks ? /\r?\n$/.exec(segment.text) : null;
  const text = feed ? segment.text.slice(0, feed.index) : segment.text;
  if (text !== '') nodes.push(segment.marks.length === 0 ? document.createTextNode(text) : markedSpan(segment, text));
  if (feed) {
    const gap = document.createElement('span');
    // A blank line in such an article (its line feed right after another) adds no second gap.
    const blank = text === '' && (segment.start === 0 || article[segment.start - 1] === '\n');
    gap.className = blank ? 'para-break blank' : 'para-break';
    gap.textContent = feed[0];
    nodes.push(gap);
  }
  return nodes;
}

function markedSpan(segment: Segment, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = [...new Set(segment.marks.flatMap((mark) => mark.classes))].join(' ');
  span.dataset.start = String(segment.start);
  const titles: string[] = [];
  for (const mark of segment.marks) {
    if (mark.data.passage !== undefined && span.dataset.passage === undefined) span.dataset.passage = String(mark.data.passage);
    if (mark.data.quote !== undefined) {
      span.dataset.quote = String(mark.data.quote);
      span.dataset.speaker = String(mark.data.speaker);
    }
    if (mark.title) titles.push(mark.title);
  }
  if (titles.length) span.title = titles.join('\n');
  span.textContent = text;
  return span;
}
