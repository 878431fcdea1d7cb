/**
 * Who said each quote: the document's quotations sorted into speech and non-speech, each speech
 * statement given the speaker phrase it rests on (see `cuePatterns.ts`) and the document entity
 * that phrase refers to (see `speakers.ts`).
 *
 * A statement with no cue of its own inherits one, in this order: a transcript label (`PENCE: …`);
 * for a quote that opens its paragraph, the cue of a paragraph that ends with a colon
 * (`The Times reports:`) or else the previous speaker (the multi-paragraph and "alone in its
 * paragraph" conventions); the subject of its sentence; an earlier cue in the paragraph; the
 * previous speaker if recent.
 * Short quoted words with no cue, title-case names, and quoted words after `so-called` or
 * `the film` are not speech.
 */
import { SCARE_CUES, TITLE_CUES } from './cues';
import { earlierCue, findAttribution, isAccordingTo, isCue, isWord, sentenceSubject, trimOpeners, type Attribution } from './cuePatterns';
import { cueTokens, endsSentence, sentenceAround, type CueToken } from './cueTokens';
import type { NonSpeechQuote, Quote, Range, Speaker } from './model';
import { extractQuotedRegions, type QuotedRegion } from './quotes';
import { EntityIndex, readSpeakerPhrase, type DocumentEntity, type SpeakerPhrase } from './speakers';
import { tokenize } from './tokenize';

/** Quotes, non-speech quotations and speakers of one document; speaker ids are local to it. */
export interface DocumentQuotes {
  quotes: Quote[];
  nonSpeech: NonSpeechQuote[];
  /** Speakers with at least one quote, in order of their first quote; `quotes.b` is empty. */
  speakers: Speaker[];
}

const DETERMINER_START = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'but', 'and', 'so', 'yet', 'or', 'in', 'on', 'at', 'after', 'before', 'since', 'while', 'when', 'then', 'now', 'still', 'also', 'however', 'meanwhile']);
const SHORT_QUOTE_WORDS = 3;
const STAGE_DIRECTION = /^[([][^()[\]]*[)\]]\W*$/u;

type Classified = { kind: 'speech' | 'scare' | 'title' };

/**
 * Quotation marks that the words around them mark as a title or a scare quote: `a so-called “…”`,
 * `the film “…”`, `MSNBC’s “Morning Show”` (a possessive name before a title-case phrase).
 */
function markedAsNotSpeech(text: string, tokens: readonly CueToken[], q: number, region: QuotedRegion): 'scare' | 'title' | null {
  for (let k = q - 1, seen = 0; k >= 0 && seen < 2; k--) {
    const t = tokens[k];
    if (t.kind === 'quote') break;
    if (t.kind !== 'word') {
      if (t.text === ',' || t.text === '.' || t.text === ':') break;
      continue;
    }
    seen++;
    if (SCARE_CUES.has(t.lower) || t.lower === 'called' && tokens[k - 1]?.text === '-' && tokens[k - 2]?.lower === 'so') return 'scare';
    if (TITLE_CUES.has(t.lower)) return 'title';
  }
  const after = tokens[q + 1];
  if (isWord(after) && TITLE_CUES.has(after.lower)) return 'title';
  const before = tokens[q - 1];
  const content = text.slice(region.range[0], region.range[1]);
  // `CNN’s “State of the Union”`: a title after its owner's name.
  if (isWord(before) && before.capital && before.possessive && isTitleCase(content)) return 'title';
  // `Robert C. “Bobby” Scott`: a nickname inside a name.
  if (isWord(after) && after.capital && (isWord(before) && before.capital || before?.text === '.') && isTitleCase(content) && !/\s\S+\s/.test(content)) return 'scare';
  // A short title-case phrase with no speech verb around it names something (a show, a nickname).
  if (isTitleCase(content) && !/[.!?]\s|[!?]$/u.test(content) && !sentenceHasCue(tokens, q)) return 'title';
  return null;
}

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'it']);

/** Every main word capitalised, as in the title of a show or a book; at most five words. */
function isTitleCase(content: string): boolean {
  const words = content.split(/[\s-]+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || i > 0 && MINOR_WORDS.has(w));
}

/** Does the sentence around token `q` hold a speech verb outside quotation marks? */
function sentenceHasCue(tokens: readonly CueToken[], q: number): boolean {
  const [from, to] = sentenceAround(tokens, q);
  for (let i = from; i < to; i++) if (isCue(tokens, i) || isAccordingTo(tokens, i)) return true;
  return false;
}

/** A whole utterance: opens with a capital and ends with a full stop, `!` or `?`. */
const isUtterance = (content: string): boolean => /^[\p{Lu}\p{N}]/u.test(content) && /[.!?…]$/u.test(content);

interface ParagraphTokens {
  tokens: CueToken[];
  /** Token index of each region of the paragraph, by region index. */
  quoteToken: Map<number, number>;
}

function paragraphTokens(text: string, paragraphs: readonly Range[], regions: readonly QuotedRegion[]): ParagraphTokens[] {
  const byParagraph: Array<Array<{ span: Range; index: number; endsWithStop: boolean }>> = paragraphs.map(() => []);
  regions.forEach((r, index) => {
    byParagraph[r.paragraph].push({ span: [r.open, r.closeEnd], index, endsWithStop: text[r.range[1] - 1] === '.' });
  });
  return paragraphs.map((range, p) => {
    const tokens = cueTokens(text, range, byParagraph[p]);
    const quoteToken = new Map<number, number>();
    tokens.forEach((t, i) => { if (t.kind === 'quote') quoteToken.set(t.region, i); });
    return { tokens, quoteToken };
  });
}

function findAttributionOf(text: string, paragraphs: readonly ParagraphTokens[], region: QuotedRegion, index: number): Attribution | null {
  const { tokens, quoteToken } = paragraphs[region.paragraph];
  const q = quoteToken.get(index);
  return q === undefined ? null : findAttribution(text, tokens, q, /[.]$/.test(text.slice(region.range[0], region.range[1])));
}

function wordCount(text: string, [start, end]: Range): number {
  return tokenize(text.slice(start, end)).count;
}

/** Classifies a one-region statement as speech or not; `attribution` is its own cue, if any. */
function classify(text: string, paragraph: ParagraphTokens, region: QuotedRegion, index: number, attribution: Attribution | null): Classified['kind'] {
  const { tokens, quoteToken } = paragraph;
  const q = quoteToken.get(index) ?? 0;
  const content = text.slice(region.range[0], region.range[1]);
  const marked = markedAsNotSpeech(text, tokens, q, region);
  if (marked) return marked;
  const alone = tokens.every((t, i) => i === q || t.kind === 'punct');
  if (!attribution && !alone && wordCount(text, region.range) <= SHORT_QUOTE_WORDS && !isUtterance(content) && !sentenceHasCue(tokens, q)) return 'scare';
  return 'speech';
}

/** The phrase a transcript label (`PENCE:`) names. */
function labelAttribution(text: string, label: Range): Attribution | null {
  const words = cueTokens(text, label, []).filter(isWord);
  const phrase = readSpeakerPhrase(text, words);
  return phrase ? { phrase: { ...phrase, range: label }, role: null } : null;
}

/** The statement's own attribution: its cues, its label, its paragraph's or its sentence's subject. */
function ownAttribution(text: string, paragraphs: readonly ParagraphTokens[], regions: readonly QuotedRegion[], members: readonly number[]): Attribution | null {
  for (const index of members) {
    const region = regions[index];
    const { tokens, quoteToken } = paragraphs[region.paragraph];
    const q = quoteToken.get(index);
    if (q === undefined) continue;
    const endsWithStop = /[.]$/.test(text.slice(region.range[0], region.range[1]));
    const found = findAttribution(text, tokens, q, endsWithStop);
    if (found) return found;
  }
  const first = regions[members[0]];
  if (first.label) return labelAttribution(text, first.label);
  const { tokens, quoteToken } = paragraphs[first.paragraph];
  const q = quoteToken.get(members[0]) ?? 0;
  const opensParagraph = tokens.slice(0, q).every((t) => t.kind !== 'word');
  if (opensParagraph) {
    // `The New York Times reports:` ends the paragraph before the quote it introduces.
    const before = paragraphs[first.paragraph - 1];
    const last = before?.tokens[before.tokens.length - 1];
    if (before && last && last.kind === 'punct' && last.text === ':') {
      const [from] = sentenceAround(before.tokens, before.tokens.length - 1);
      return earlierCue(text, before.tokens, before.tokens.length) ?? sentenceSubject(text, before.tokens, from, before.tokens.length - 1);
    }
    return null;
  }
  const [from] = sentenceAround(tokens, q);
  const own = sentenceSubject(text, tokens, from, q) ?? earlierCue(text, tokens, from);
  if (own || from === 0) return own;
  // A quote that opens a sentence mid-paragraph continues the previous sentence's subject.
  const [previousFrom] = sentenceAround(tokens, from - 1);
  return sentenceSubject(text, tokens, previousFrom, from - 1);
}

/** Capitalised names outside quotes, for surname, role and pronoun resolution. */
function nameMentions(text: string, tokens: readonly CueToken[]): Array<{ phrase: SpeakerPhrase; role: Attribution['role']; subject: boolean }> {
  const out: Array<{ phrase: SpeakerPhrase; role: Attribution['role']; subject: boolean }> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isWord(tokens[i]) || !tokens[i].capital) { i++; continue; }
    let j = i;
    while (j + 1 < tokens.length && isWord(tokens[j + 1]) && tokens[j + 1].capital && !tokens[j].possessive) j++;
    let words = tokens.slice(i, j + 1);
    const opensSentence = i === 0 || endsSentence(tokens, i - 1) || tokens[i - 1].kind === 'quote';
    if (opensSentence) words = trimOpeners(words).filter((w, k) => !(k === 0 && SENTENCE_OPENERS.has(w.lower)));
    const phrase = words.length ? readSpeakerPhrase(text, words) : null;
    if (phrase && !phrase.description && !phrase.pronoun) {
      let role: Attribution['role'] = null;
      // `Wang Yi, China’s foreign minister,` gives Wang Yi that role.
      if (tokens[j + 1]?.text === ',' && isWord(tokens[j + 2]) && (tokens[j + 2].possessive || DETERMINER_START.has(tokens[j + 2].lower))) {
        const roleWords: CueToken[] = [];
        for (let k = j + 2; k < tokens.length && isWord(tokens[k]) && roleWords.length < 7; k++) roleWords.push(tokens[k]);
        const next = tokens[j + 2 + roleWords.length];
        if (roleWords.length > 1 && (!next || next.kind === 'punct')) {
          role = { text: text.slice(roleWords[0].start, roleWords[roleWords.length - 1].end), words: roleWords.map((w) => w.lower) };
        }
      }
      // A name that opens its sentence or comes right before a speech verb is a subject.
      out.push({ phrase, role, subject: opensSentence || isCue(tokens, j + 1) });
    }
    i = j + 1;
  }
  return out;
}

/**
 * Finds the direct quotes of a text and attributes each to a speaker. Pure; about linear in the
 * text's length.
 */
export function analyzeQuotes(text: string): DocumentQuotes {
  const extracted = extractQuotedRegions(text);
  const { regions } = extracted;
  const paragraphs = paragraphTokens(text, extracted.paragraphs, regions);

  const statements = new Map<number, number[]>();
  regions.forEach((r, i) => {
    const list = statements.get(r.statement);
    if (list) list.push(i);
    else statements.set(r.statement, [i]);
  });

  const nonSpeech: NonSpeechQuote[] = [];
  const speech: Array<{ members: number[]; attribution: Attribution | null }> = [];
  for (const all of statements.values()) {
    // Stage directions in a transcript (`"(CROSSTALK.)`) quote nobody.
    const members = all.filter((m) => !STAGE_DIRECTION.test(text.slice(regions[m].range[0], regions[m].range[1])));
    if (members.length === 0) continue;
    const attribution = ownAttribution(text, paragraphs, regions, members);
    if (members.length === 1) {
      const region = regions[members[0]];
      const own = region.label ? attribution : findAttributionOf(text, paragraphs, region, members[0]);
      const kind = classify(text, paragraphs[region.paragraph], region, members[0], own);
      if (kind !== 'speech') {
        nonSpeech.push({ range: region.range, kind });
        continue;
      }
    }
    speech.push({ members, attribution });
  }

  // Resolve mentions in text order: names as they appear, attributions at their phrases.
  const index = new EntityIndex(text);
  type Event = { at: number; phrase: SpeakerPhrase; role: Attribution['role']; statement: number; subject: boolean };
  const events: Event[] = [];
  const attributed = speech.map((s) => s.attribution);
  // Offsets covered by attribution phrases: a name inside one is not mentioned twice.
  const inPhrase = new Set<number>();
  for (const a of attributed) if (a) for (let i = a.phrase.range[0]; i < a.phrase.range[1]; i++) inPhrase.add(i);
  paragraphs.forEach(({ tokens }) => {
    for (const m of nameMentions(text, tokens)) {
      if (inPhrase.has(m.phrase.range[0]) || inPhrase.has(m.phrase.range[1] - 1)) continue;
      events.push({ at: m.phrase.range[0], phrase: m.phrase, role: m.role, statement: -1, subject: m.subject });
    }
  });
  attributed.forEach((a, s) => { if (a) events.push({ at: a.phrase.range[0], phrase: a.phrase, role: a.role, statement: s, subject: true }); });
  events.sort((x, y) => x.at - y.at);
  const entityOf = new Map<number, DocumentEntity | null>();
  for (const event of events) {
    const bareName = event.statement < 0 && event.phrase.kind === 'person' && !event.phrase.gender && event.phrase.titles.length === 0
      && !event.phrase.name.includes(' ');
    const entity = bareName ? index.mentionIfKnown(event.phrase, event.at, event.subject) : index.mention(event.phrase, event.at, event.subject);
    if (entity && event.role) index.addRole(entity, event.role.text, event.role.words);
    if (event.statement >= 0) entityOf.set(event.statement, entity);
  }

  // Statements with no attribution of their own continue the previous speaker, if recent.
  const resolved: Array<{ phrase: SpeakerPhrase; entity: DocumentEntity | null } | null> = [];
  let previous: { phrase: SpeakerPhrase; entity: DocumentEntity | null; paragraph: number } | null = null;
  speech.forEach((s, n) => {
    const first = regions[s.members[0]];
    let result: { phrase: SpeakerPhrase; entity: DocumentEntity | null } | null = null;
    if (s.attribution) result = { phrase: s.attribution.phrase, entity: entityOf.get(n) ?? null };
    else if (previous && first.paragraph - previous.paragraph <= 3) result = previous;
    resolved.push(result);
    if (result) previous = { ...result, paragraph: regions[s.members[s.members.length - 1]].paragraph };
  });

  // Number statements and speakers in text order.
  const quotes: Quote[] = [];
  const speakers: Speaker[] = [];
  const speakerIdOf = new Map<DocumentEntity | SpeakerPhrase, number>();
  speech.forEach((s, n) => {
    const r = resolved[n];
    let mention: Quote['speaker'] = null;
    if (r) {
      const key = r.entity ?? r.phrase;
      let id = speakerIdOf.get(key);
      if (id === undefined) {
        id = speakers.length;
        speakerIdOf.set(key, id);
        speakers.push(r.entity ? speakerFromEntity(r.entity, id) : speakerFromPhrase(r.phrase, id));
      }
      mention = { speaker: id, name: speakers[id].name, range: r.phrase.range };
    }
    for (const m of s.members) {
      const region = regions[m];
      const id = quotes.length;
      quotes.push({ id, range: region.range, text: text.slice(region.range[0], region.range[1]), statement: n, speaker: mention ? { ...mention, range: [...mention.range] } : null });
      if (mention) speakers[mention.speaker].quotes.a.push(id);
    }
  });
  nonSpeech.sort((x, y) => x.range[0] - y.range[0]);
  return { quotes, nonSpeech, speakers };
}

function speakerFromEntity(entity: DocumentEntity, id: number): Speaker {
  // A surname alone reads better with the honorific the text gives it (`Mrs Grant`, not `Grant`).
  const honorific = entity.kind === 'person' && !entity.name.includes(' ')
    ? [...entity.aliases].find((a) => new RegExp(`^(?:${HONORIFIC_PATTERN})\\.? ${escapeRegExp(entity.name)}$`).test(a))
    : undefined;
  const name = honorific ?? entity.name;
  const aliases = [...entity.aliases, entity.name].filter((a) => a !== name);
  return { id, name, kind: entity.kind, aliases, titles: [...entity.titles], quotes: { a: [], b: [] } };
}

const HONORIFIC_PATTERN = 'Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Prof';
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function speakerFromPhrase(phrase: SpeakerPhrase, id: number): Speaker {
  return { id, name: phrase.name, kind: phrase.kind, aliases: [], titles: [...phrase.titles], quotes: { a: [], b: [] } };
}
