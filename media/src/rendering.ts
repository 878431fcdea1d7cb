/**
 * Rendering a comparison: the stats line, the speaker filter's options and both articles with their
 * marks. Article text enters the DOM only as text nodes (`textContent`, `createTextNode`), never as
 * HTML, so an article containing `<script>` or `<img onerror=…>` shows as the characters it is.
 */
import { formatLabel } from '../../src/core/formats/article';
import type { AttributionConflict, Comparison, DocumentAnalysis, QuoteMatch, Side } from '../../src/core/model';
import { LineIndex } from '../../src/core/text/lines';
import { conflictsByMatch } from '../../src/core/views/lookup';
import { quoteStatuses } from '../../src/core/views/quoteMarks';
import { comparisonSummary, type SummaryKey } from '../../src/core/views/summary';
import { conflictEvidenceLines, quoteStanding } from '../../src/core/views/wording';
import { applyFilters } from './filters';
import { BLOCK_CHARS, isLaidOutLazily } from './lazyLayout';
import { updatePosition } from './navigation';
import { SIDES, type ArticleBlocks, type Page } from './page';
import { placeAfterEdit, returnToPlace } from './readingPlace';
import { buildSegments, splitBlocks, type Mark, type Segment } from './segments';

/** Passages are coloured by id in this many tones, the same tone on both sides. */
const TONES = 6;

export function render(page: Page): void {
  const { state, elements } = page;
  const { articles, titles } = elements;
  if (!state.current) return;
  const { comparison, texts } = state.current;
  const scroll = state.pending?.scroll ?? { a: articles.a.scrollTop, b: articles.b.scrollTop };
  const reading = state.pending?.place ?? { a: placeAfterEdit(page, 'a', texts.a), b: placeAfterEdit(page, 'b', texts.b) };
  state.pending = undefined;
  renderStats(page, comparison);
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
  updatePosition(page);
}

const STAT_ICONS: Record<SummaryKey, string> = { 'share-a': 'codicon-file', 'share-b': 'codicon-file', passages: 'codicon-link', quotes: 'codicon-quote', conflicts: 'codicon-check' };

function renderStats(page: Page, comparison: Comparison): void {
  const summary = comparisonSummary(comparison).map(({ key, text, alert }) => statItem(`stat-${key}`, text, alert ? 'codicon-warning' : STAT_ICONS[key], alert));
  const reading = SIDES.flatMap((side) => {
    const read = readingLine(comparison[side]);
    return read ? [statItem(`stat-format-${side}`, read.text, read.icon, read.icon === 'codicon-warning', read.note)] : [];
  });
  page.elements.stats.replaceChildren(...summary, ...reading);
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
  const all = document.createElement('option');
  all.value = '';
  all.textContent = 'All speakers';
  const options = comparison.speakers.map((speaker) => {
    const option = document.createElement('option');
    option.value = String(speaker.id);
    option.textContent = `${speaker.name} (${speaker.quotes.a.length}/${speaker.quotes.b.length})`;
    return option;
  });
  filterSpeaker.replaceChildren(all, ...options);
  if (filters.speaker !== null && !comparison.speakers[filters.speaker]) filters.speaker = null;
  filterSpeaker.value = filters.speaker === null ? '' : String(filters.speaker);
}

/** The marks of one side: passages (coloured by id, same tone on both sides), word differences, quotes. */
function marksOf(side: Side, comparison: Comparison, texts: { readonly a: string; readonly b: string }): Mark[] {
  const marks: Mark[] = [];
  const evidence = evidenceOf(comparison, texts);
  const wordDiff = (range: readonly [number, number]): void => {
    if (range[1] > range[0]) marks.push({ range, classes: ['word-diff', side === 'a' ? 'diff-a' : 'diff-b'], data: {} });
  };
  for (const passage of comparison.passages) {
    marks.push({ range: passage[side], classes: ['passage', `tone-${passage.id % TONES}`, ...(passage.identical ? [] : ['edited'])], data: { passage: passage.id } });
    for (const difference of passage.differences) wordDiff(difference[side]);
  }
  for (const { quote, matches, kind, conflict } of quoteStatuses(comparison, side)) {
    marks.push({
      range: quote.range,
      classes: ['quote', `quote-${kind}`, ...(conflict ? ['quote-conflict'] : [])],
      data: { quote: quote.id, speaker: quote.speaker ? quote.speaker.speaker : -1 },
      title: `Quote${quote.speaker ? ` by ${quote.speaker.name}` : ' (no speaker found)'}: ${quoteStanding(matches[0], side, 'the other article')}${conflict ? `; attribution conflict${conflictTitle(evidence, side, matches)}` : ''}`,
      tag: quote.speaker ? quote.speaker.name : '?',
    });
  }
  for (const match of comparison.quoteMatches) {
    if (match.kind === 'altered') for (const difference of match.differences) wordDiff(difference[side]);
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

/** The article in blocks of whole lines (see `splitBlocks`), with the blocks and their starts. */
function renderArticle(side: Side, texts: { readonly a: string; readonly b: string }, comparison: Comparison): { fragment: DocumentFragment; blocks: ArticleBlocks } {
  const text = texts[side];
  const fragment = document.createDocumentFragment();
  const elements: HTMLElement[] = [];
  const starts: number[] = [];
  for (const pieces of splitBlocks(buildSegments(text, marksOf(side, comparison, texts)), BLOCK_CHARS)) {
    const block = document.createElement('div');
    block.className = 'block';
    for (const segment of pieces) block.append(...renderSegment(segment));
    elements.push(block);
    starts.push(pieces[0]?.start ?? 0);
    fragment.append(block);
  }
  return { fragment, blocks: { elements, starts } };
}

/** A piece of text as a text node, or a span with its marks' classes and data, after its speaker tag if it has one. */
function renderSegment(segment: Segment): Node[] {
  const nodes: Node[] = [];
  if (segment.tag !== undefined) {
    const tag = document.createElement('span');
    tag.className = 'speaker-tag';
    tag.textContent = segment.tag;
    nodes.push(tag);
  }
  if (segment.marks.length === 0) {
    nodes.push(document.createTextNode(segment.text));
    return nodes;
  }
  const span = document.createElement('span');
  span.className = [...new Set(segment.marks.flatMap((mark) => mark.classes))].join(' ');
  span.dataset.start = String(segment.start);
  for (const mark of segment.marks) {
    if (mark.data.passage !== undefined && span.dataset.passage === undefined) span.dataset.passage = String(mark.data.passage);
    if (mark.data.quote !== undefined) {
      span.dataset.quote = String(mark.data.quote);
      span.dataset.speaker = String(mark.data.speaker);
    }
    if (mark.title) span.title = mark.title;
  }
  span.textContent = segment.text;
  nodes.push(span);
  return nodes;
}
