/**
 * Every phrase that may name the speaker of a statement, each with the pattern that proposed it
 * (see `attributionPatterns.ts`). The rules take the first one in the order listed here; the
 * speaker model (`speakerModel.ts`) weighs them all, with the previous speaker going on as one more.
 *
 * The order is the rules' own: a cue in a quote's sentence (its first region first); a signature
 * line below it; then, with no cue, a transcript label; for a quote that opens its paragraph, the cue
 * of a paragraph that ends with a colon (`The Times reports:`) or the one that introduces it; the
 * relative clause or the subject of its sentence; an earlier cue in the paragraph; the subject of the
 * sentence before. Candidates marked `extra` are never the rules' choice.
 */
import { PRONOUNS } from './wordLists';
import { clausePhrases, earlierCue, isWord, QUOTE_PATTERNS, quotePattern, relativeClauseSubject, sentenceSubject, signatureLine, type Attribution, type QuotePattern } from './attributionPatterns';
import { cueTokens, firstWordIndex, sentenceAround, type CueToken } from './cueTokens';
import type { ParagraphLexer, ParagraphTokens } from './paragraphLexer';
import type { QuotedRegion } from './quotedRegions';
import { readSpeakerPhrase } from './speakerPhrases';
import type { Range } from '../model';

export type CandidateSource = QuotePattern | 'signature' | 'label' | 'colon-paragraph' | 'introduction' | 'reported-before'
  | 'relative' | 'subject' | 'earlier-cue' | 'previous-subject' | 'previous-paragraph-cue' | 'clause' | 'carried';

export interface SpeakerCandidate {
  /** The phrase and cue; null for `carried` (the previous statement's speaker goes on). */
  attribution: Attribution | null;
  source: CandidateSource;
  /** Which of the statement's regions the pattern read (0 but for a later paragraph's own cue). */
  member: number;
  /** Proposed for the model only, never the rules' choice. */
  extra: boolean;
}

/** How many tokens from the quote the model's extra phrases are looked for. */
const CLAUSE_REACH = 40;

/** Do the quoted words of `region` end with a full stop? */
const endsWithStop = (text: string, region: QuotedRegion): boolean => text[region.range[1] - 1] === '.';

/**
 * What the patterns of its own sentence find for region `index`, the statement's `member`-th, in
 * the rules' order: all of them, or (`firstOnly`) the first; only those after pattern number `after`.
 */
export function quoteCandidates(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], index: number, member: number, firstOnly = false, after = -1): SpeakerCandidate[] {
  const region = regions[index];
  const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
  const q = quoteToken.get(index);
  const out: SpeakerCandidate[] = [];
  if (q === undefined) return out;
  const sentence = sentenceAround(tokens, q);
  for (let p = after + 1; p < QUOTE_PATTERNS.length; p++) {
    const source = QUOTE_PATTERNS[p];
    const attribution = quotePattern(text, tokens, q, endsWithStop(text, region), source, sentence);
    if (attribution) out.push({ attribution, source, member, extra: false });
    if (firstOnly && out.length > 0) break;
  }
  return out;
}

/**
 * A cue in the quote's sentence or paragraph that names its subject: the annotators take that phrase
 * too in 94% to 100% of cases by pattern (polnear-train's tuning part), so the rules' choice stands
 * and the model is not asked. It weighs the rest: a guessed subject, a speech noun, a paragraph's
 * speaker handed on, or no phrase at all.
 */
export function isSure(c: SpeakerCandidate): boolean {
  const kind = c.attribution?.cue.kind;
  if (kind === undefined || kind === 'noun' || kind === 'subject') return false;
  return c.source !== 'reported-before' && c.source !== 'introduction';
}

/**
 * The candidates of a speech statement, in the rules' order and then the extra ones; `first` are
 * those `quoteCandidates` found for its first region when sorting speech from non-speech (the first
 * hit only: the rest are looked for here when the caller reads on).
 */
export function* statementCandidates(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], members: readonly number[], first: readonly SpeakerCandidate[]): Generator<SpeakerCandidate> {
  yield* first;
  // Patterns found nothing up to the first hit: only those after it are left to try.
  if (first.length > 0) yield* quoteCandidates(text, paragraphs, regions, members[0], 0, false, QUOTE_PATTERNS.indexOf(first[0].source as QuotePattern));
  for (let m = 1; m < members.length; m++) yield* quoteCandidates(text, paragraphs, regions, members[m], m);
  const signature = signatureBelow(text, paragraphs, regions, members);
  if (signature) yield { attribution: signature, source: 'signature', member: 0, extra: false };
  const region = regions[members[0]];
  if (region.label) {
    const label = labelAttribution(text, region.label);
    if (label) yield { attribution: label, source: 'label', member: 0, extra: false };
    return;
  }
  const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
  const q = quoteToken.get(members[0]) ?? 0;
  const before = paragraphs.paragraph(region.paragraph - 1);
  const candidate = (attribution: Attribution | null, source: CandidateSource, extra = false): SpeakerCandidate[] => (attribution ? [{ attribution, source, member: 0, extra }] : []);
  if (q < firstWordIndex(tokens)) {
    const last = before?.tokens[before.tokens.length - 1];
    if (before && last && last.kind === 'punct' && last.text === ':') {
      // `The New York Times reports:` ends the paragraph before the quote it introduces.
      const [from] = sentenceAround(before.tokens, before.tokens.length - 1);
      yield* candidate(lastCue(text, before) ?? sentenceSubject(text, before.tokens, from, before.tokens.length - 1), 'colon-paragraph');
      return;
    }
    if (before) {
      yield* candidate(statementIntroduction(text, before.tokens), 'introduction');
      yield* candidate(reportedBefore(text, before), 'reported-before');
      yield* candidate(lastCue(text, before), 'previous-paragraph-cue', true);
      const [from] = sentenceAround(before.tokens, before.tokens.length - 1);
      yield* clauseCandidates(text, before, Math.max(from, before.tokens.length - CLAUSE_REACH), before.tokens.length, null);
    }
    return;
  }
  const [from, to] = sentenceAround(tokens, q);
  yield* candidate(relativeClauseSubject(text, tokens, from, q), 'relative');
  yield* candidate(sentenceSubject(text, tokens, from, q), 'subject');
  yield* candidate(earlierCue(text, tokens, from), 'earlier-cue');
  // A quote that opens a sentence mid-paragraph continues the previous sentence's subject.
  const [previousFrom] = from > 0 ? sentenceAround(tokens, from - 1) : [from];
  if (from > 0) yield* candidate(sentenceSubject(text, tokens, previousFrom, from - 1), 'previous-subject');
  if (before) yield* candidate(lastCue(text, before), 'previous-paragraph-cue', true);
  // Within reach of the quote: a sentence with no full stop may run for hundreds of tokens.
  yield* clauseCandidates(text, paragraphs.paragraph(region.paragraph) as ParagraphTokens, Math.max(previousFrom, q - CLAUSE_REACH), Math.min(to, q + CLAUSE_REACH), tokens[q]);
}

/** The model's extra phrases of a paragraph (see `clausePhrases`) between tokens `[from, to)`, none inside `quote`. */
function* clauseCandidates(text: string, paragraph: ParagraphTokens, from: number, to: number, quote: CueToken | null): Generator<SpeakerCandidate> {
  const { tokens } = paragraph;
  if (from >= to) return;
  const clauses = paragraph.clauses ??= { sentences: sentencesOf(tokens), phrases: [] };
  const [lo, hi] = [tokens[from].start, tokens[to - 1].end];
  // A sentence's phrases lie within it: only the sentences that meet `[from, to)` are read (each once per paragraph).
  for (let s = 0; s < clauses.sentences.length; s++) {
    const [start, end] = clauses.sentences[s];
    if (end <= from) continue;
    if (start >= to) break;
    const phrases = clauses.phrases[s] ??= clausePhrases(text, tokens, start, end);
    for (const attribution of phrases) {
      const at = attribution.phrase.range[0];
      if (at >= lo && at < hi && !(quote && at >= quote.start && at < quote.end)) yield { attribution, source: 'clause', member: 0, extra: true };
    }
  }
}

/** The sentences of a paragraph's tokens, as `[from, to)` token ranges. */
function sentencesOf(tokens: readonly CueToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 0; from < tokens.length;) {
    const to = sentenceAround(tokens, from)[1];
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** The last cue of a paragraph with its subject: looked for once per paragraph, as every quote of the next one asks. */
function lastCue(text: string, paragraph: ParagraphTokens): Attribution | null {
  if (paragraph.lastCue === undefined) paragraph.lastCue = earlierCue(text, paragraph.tokens, paragraph.tokens.length);
  return paragraph.lastCue;
}

/** The phrase a transcript label (`PENCE:`) names. */
function labelAttribution(text: string, label: Range): Attribution | null {
  const words = cueTokens(text, label, []).filter(isWord);
  const phrase = readSpeakerPhrase(text, words);
  return phrase ? { phrase: { ...phrase, range: label }, role: null, cue: { kind: 'label', range: label } } : null;
}

const DELIVERED_SPEECH = new Set(['statement', 'speech', 'letter', 'message', 'remarks', 'address', 'eulogy', 'sermon', 'tribute']);

/**
 * `Late on Tuesday Ms Doe read a statement to the crowd.` and then a quote that opens the next
 * paragraph: a paragraph with no quotation whose sentence has someone deliver a statement, a speech
 * or a letter introduces the words that follow; they are not the previous speaker's.
 */
function statementIntroduction(text: string, tokens: readonly CueToken[]): Attribution | null {
  if (tokens.some((t) => t.kind === 'quote')) return null;
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i];
    if (!isWord(t) || t.capital || !DELIVERED_SPEECH.has(t.lower) || !isWord(tokens[i - 1]) || !/^(?:a|an|the|his|her|their|its)$/.test(tokens[i - 1].lower)) continue;
    // The subject right before the verb (and a particle: `read out`): a name or a pronoun.
    for (let end = i - 2; end >= Math.max(0, i - 4); end--) {
      const w = tokens[end];
      if (!isWord(w) || w.possessive) return null;
      if (!w.capital && !PRONOUNS.has(w.lower)) continue;
      let start = end;
      while (!PRONOUNS.has(w.lower) && start > 0 && isWord(tokens[start - 1]) && tokens[start - 1].capital && !tokens[start - 1].possessive) start--;
      const phrase = readSpeakerPhrase(text, tokens.slice(start, end + 1));
      return phrase && !phrase.description ? { phrase, role: null, cue: { kind: 'noun', range: [t.start, t.end] } } : null;
    }
    return null;
  }
  return null;
}

/**
 * `Carter said that for decades critics had predicted a withdrawal. ¶ “That’s because …”`: a
 * paragraph of reported speech with no quotation of its own hands its speaker to the quotation
 * opening the next paragraph (the cue of its last sentence).
 */
function reportedBefore(text: string, paragraph: ParagraphTokens): Attribution | null {
  const { tokens } = paragraph;
  if (tokens.length === 0 || tokens.some((t) => t.kind === 'quote')) return null;
  const [from] = sentenceAround(tokens, tokens.length - 1);
  const found = lastCue(text, paragraph);
  if (!found) return null;
  const at = found.phrase.range[0];
  return tokens[from] && tokens[from].start <= at ? found : null;
}

/** The signature line under a statement that fills its paragraphs (`"…"` then `- Jane Doe.`). */
function signatureBelow(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], members: readonly number[]): Attribution | null {
  const last = regions[members[members.length - 1]];
  const own = paragraphs.paragraph(last.paragraph) as ParagraphTokens;
  // Only a quotation standing alone in its paragraph is signed below.
  if (own.tokens.some((t) => t.kind === 'word')) return null;
  const below = paragraphs.paragraph(last.paragraph + 1);
  return below ? signatureLine(text, below.tokens) : null;
}

