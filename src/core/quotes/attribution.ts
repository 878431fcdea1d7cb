/**
 * Who said each quote: the document's quotations sorted into speech and non-speech, each speech
 * statement given the speaker phrase it rests on (see `attributionPatterns.ts`) and the document entity
 * that phrase refers to (see `speakerPhrases.ts` and `entities.ts`).
 *
 * A statement with no cue of its own inherits one, in this order: a transcript label (`PENCE: …`);
 * for a quote that opens its paragraph, the cue of a paragraph that ends with a colon
 * (`The Times reports:`) or else the previous speaker (the multi-paragraph and "alone in its
 * paragraph" conventions); the subject of its sentence; an earlier cue in the paragraph; the
 * previous speaker if recent.
 * Short quoted words with no cue, title-case names, and quoted words after `so-called` or
 * `the film` are not speech.
 */
import { DETERMINER_START, INSIDE_PHRASE, PHRASE_BREAKERS, PREPOSITIONS, PRONOUNS, SENTENCE_OPENERS, TIME_WORDS } from './wordLists';
import { isCue, isWord, trimOpeners, type Attribution } from './attributionPatterns';
import { endsSentence, sentenceAround, type CueToken } from './cueTokens';
import { ParagraphLexer, type ParagraphTokens } from './paragraphLexer';
import { isSure, quoteCandidates, statementCandidates, type SpeakerCandidate } from './speakerCandidates';
import { bestCandidate, candidateFeatures, SPEAKER_FEATURES, type PreviousSpeaker, type StatementContext } from './speakerModel';
import { SPEAKER_WEIGHTS } from './speakerWeights';
import type { AttributionCue, NonSpeechQuote, Quote, Range, Speaker } from '../model';
import { extractQuotedRegions, type ExtractedQuotes, type QuotedRegion } from './quotedRegions';
import { EntityIndex, type DocumentEntity } from './entities';
import { bareName, readSpeakerPhrase, type SpeakerPhrase } from './speakerPhrases';
import { isStageDirection, readQuotation, type QuotationReading } from './nonSpeech';
import { modelReadsAsSpeech, modelWeighs, quotationFeatures, SPEECH_FEATURES, speechScore, type QuotationContext } from './speechModel';
import { SPEECH_WEIGHTS } from './speechWeights';

/** Quotes, non-speech quotations and speakers of one document; speaker ids are local to it. */
export interface DocumentQuotes {
  quotes: Quote[];
  nonSpeech: NonSpeechQuote[];
  /** Speakers with at least one quote, in order of their first quote; `quotes.b` is empty. */
  speakers: Speaker[];
}

/** A run of capitalised words outside quotes that reads as a name, for surname, role and pronoun resolution. */
interface NameRun {
  /** Indices of the run's first and last tokens. */
  first: number;
  last: number;
  opensSentence: boolean;
}

/**
 * The words of the run of capitalised words from token `i` to token `j` that may name someone:
 * without a sentence opener glued to its front (`But Smith`).
 */
function nameWords(tokens: readonly CueToken[], { first: i, last: j, opensSentence }: NameRun): CueToken[] {
  const words = tokens.slice(i, j + 1);
  return opensSentence ? trimOpeners(words).filter((w, k) => !(k === 0 && SENTENCE_OPENERS.has(w.lower))) : words;
}

/** The index of the last token of the run of capitalised words that opens at token `i`. */
function nameRunEnd(tokens: readonly CueToken[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length && isWord(tokens[j + 1]) && tokens[j + 1].capital && !tokens[j].possessive) j++;
  return j;
}

/** Does the run that opens at token `i` open its sentence? */
const opensSentenceAt = (tokens: readonly CueToken[], i: number): boolean => i === 0 || endsSentence(tokens, i - 1) || tokens[i - 1].kind === 'quote';

/** Does a phrase read from a name run name someone (not a description, not a pronoun)? */
const namesSomeone = (phrase: SpeakerPhrase | null): phrase is SpeakerPhrase => phrase !== null && !phrase.description && !phrase.pronoun;

/** What the words around a name say of it: the role they give it, and whether it is a subject. */
function nameContext(text: string, tokens: readonly CueToken[], { first: i, last: j, opensSentence }: NameRun): { role: Attribution['role']; subject: boolean } {
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
  const described = role ? null : describedName(tokens, i, j);
  if (described) role = { text: text.slice(described.words[0].start, described.words[described.words.length - 1].end), words: described.words.map((w) => w.lower) };
  // A name that opens its sentence (or its description does) or comes right before a speech verb is a subject.
  return { role, subject: opensSentence || described?.opensSentence === true || isCue(tokens, j + 1) };
}

/**
 * The description a name at tokens `[i, j]` is given before it: in apposition
 * (`The harbour master, Jo Bloggs, said`) or as a lower-case role glued to its front
 * (`Harbour master Jo Bloggs said`). Later mentions by that role (`the harbour master`) are that person.
 */
function describedName(tokens: readonly CueToken[], i: number, j: number): { words: CueToken[]; opensSentence: boolean } | null {
  const apposition = tokens[i - 1]?.text === ',' && tokens[j + 1]?.kind === 'punct' && /^[,.]$/.test(tokens[j + 1].text);
  const last = apposition ? i - 2 : i - 1;
  let k = last;
  while (k >= 0 && isWord(tokens[k]) && last - k < 8) k--;
  let opensSentence = k < 0 || endsSentence(tokens, k);
  // Most names have no role glued to their front: settle that before building the words.
  if (!apposition && (!opensSentence || last - k < 2 || last - k > 3)) return null;
  let words = tokens.slice(k + 1, last + 1);
  if (apposition) {
    // `… met the union’s leader, Jo Bloggs,`: the role is the determined noun phrase before the comma.
    const d = words.findIndex((w) => DETERMINER_START.has(w.lower) || w.possessive);
    if (d < 0) return null;
    if (d > 0) opensSentence = false;
    words = words.slice(d);
  }
  if (words.length < (apposition ? 1 : 2) || words.length > (apposition ? 6 : 3)) return null;
  const [first, ...rest] = words;
  if (rest.some((w) => w.capital || PHRASE_BREAKERS.has(w.lower) && !INSIDE_PHRASE.has(w.lower)) || words.some((w) => TIME_WORDS.has(w.lower) || PRONOUNS.has(w.lower))) return null;
  // `Harbour master Jo Bloggs`: a capitalised role opening the sentence, not an opening adverbial.
  if (!apposition && (SENTENCE_OPENERS.has(first.lower) || PREPOSITIONS.has(first.lower) || DETERMINER_START.has(first.lower) || !first.capital)) return null;
  return { words, opensSentence };
}

interface Statement {
  /** Indices of the statement's regions (its paragraphs' segments). */
  members: number[];
  /** Its own attribution, or null when it has none or carries the previous speaker's on. */
  attribution: Attribution | null;
  /** Whether it carries the previous speaker's attribution on. */
  carried: boolean;
}

interface Resolved {
  phrase: SpeakerPhrase;
  entity: DocumentEntity | null;
  cue: AttributionCue;
}

/** A statement's speaker candidates as the chooser sees them (`rule` is the rules' choice, or -1). */
export interface SpeakerChoice {
  /** The statement's index among the document's speech statements. */
  statement: number;
  candidates: readonly SpeakerCandidate[];
  rule: number;
  /** Each candidate's features, in `SPEAKER_FEATURES` order (made when asked for: the model needs only their scores). */
  features(): Float64Array[];
  /** The candidate that scores highest under these weights. */
  best(weights: ArrayLike<number>): number;
}

/** Picks a candidate's index, or -1 for none. */
export type SpeakerChooser = (choice: SpeakerChoice) => number;

/** The shipped model's choice; the rules' where it has no weights. */
const modelChoice: SpeakerChooser = ({ best, rule }) => (SPEAKER_WEIGHTS.length === SPEAKER_FEATURES.length ? best(SPEAKER_WEIGHTS) : rule);

/** The rules alone: the first candidate of the rules' own steps, else the previous speaker if recent. */
export const ruleChoice: SpeakerChooser = ({ rule }) => rule;

/** A lone quotation (one region) as the speech decider sees it. */
export interface SpeechDecision {
  /** The quoted words, marks excluded. */
  range: Range;
  /** What the rules make of it (see `nonSpeech.ts`). */
  reading: QuotationReading;
  /** Its features, in `SPEECH_FEATURES` order. */
  features(): Float64Array;
  /** Its score under these weights: the log-odds that it is speech. */
  score(weights: ArrayLike<number>): number;
}

/** Decides whether a lone quotation is speech. */
export type SpeechDecider = (decision: SpeechDecision) => boolean;

/**
 * The rules' reading, but where the speech model weighs a quotation (see `modelWeighs`) its verdict:
 * it takes back what the rules read as scare quotes, titles or terms when it scores them clearly
 * speech, and drops uncued speech it scores clearly not.
 */
const modelSpeech: SpeechDecider = ({ reading, score }) => modelWeighs(reading) && SPEECH_WEIGHTS.length === SPEECH_FEATURES.length
  ? modelReadsAsSpeech(reading, score(SPEECH_WEIGHTS)) : reading.kind === 'speech';

/** The rules alone (see `nonSpeech.ts`). */
export const ruleSpeech: SpeechDecider = ({ reading }) => reading.kind === 'speech';

/** How many paragraphs back the rules carry a speaker on. */
const CARRY_REACH = 3;

/**
 * Finds the direct quotes of a text and attributes each to a speaker. Pure; about linear in the
 * text's length.
 */
export function analyzeQuotes(text: string): DocumentQuotes {
  return attributeQuotes(text, extractQuotedRegions(text));
}

/**
 * `analyzeQuotes` in its second step, for a caller that had a use for the quoted regions before the
 * attribution (every quote's range is the range of one of them). `choose` picks each statement's
 * speaker among its candidates (the speaker model unless given), `decide` whether a lone quotation is
 * speech (the speech model unless given).
 */
export function attributeQuotes(text: string, { paragraphs, regions }: ExtractedQuotes, choose: SpeakerChooser = modelChoice, decide: SpeechDecider = modelSpeech): DocumentQuotes {
  const { speech, nonSpeech, entityOf } = readParagraphs(text, paragraphs, regions, choose, decide);

  // Statements that carry a speaker on take the last one found.
  const resolved: Array<Resolved | null> = [];
  let previous: Resolved | null = null;
  speech.forEach((statement, n) => {
    let result: Resolved | null = null;
    if (statement.attribution) result = { phrase: statement.attribution.phrase, entity: entityOf[n] ?? null, cue: statement.attribution.cue };
    else if (statement.carried && previous) result = { ...previous, cue: { kind: 'carried', range: previous.cue.range } };
    resolved.push(result);
    if (result) previous = result;
  });

  // Number quotes and speakers in text order.
  const quotes: Quote[] = [];
  const speakers: Speaker[] = [];
  const speakerIdOf = new Map<DocumentEntity | SpeakerPhrase, number>();
  speech.forEach((statement, n) => {
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
      mention = { speaker: id, name: speakers[id].name, range: r.phrase.range, cue: r.cue };
    }
    for (const m of statement.members) {
      const region = regions[m];
      const id = quotes.length;
      quotes.push({ id, range: region.range, text: text.slice(region.range[0], region.range[1]), statement: n, speaker: mention ? { ...mention, range: [...mention.range], cue: { ...mention.cue } } : null });
      if (mention) speakers[mention.speaker].quotes.a.push(id);
    }
  });
  return { quotes, nonSpeech, speakers };
}

/**
 * Sorts the statements into speech and non-speech, chooses each speech statement's speaker, and
 * resolves the names and attributions to entities, in one pass over the paragraphs so that each is
 * lexed once and its tokens die young.
 * (Its own function also keeps the optimising compiler's on-stack replacement of the loop small.)
 */
function readParagraphs(text: string, paragraphRanges: readonly Range[], regions: readonly QuotedRegion[], choose: SpeakerChooser, decide: SpeechDecider): {
  speech: Statement[];
  nonSpeech: NonSpeechQuote[];
  entityOf: ReadonlyArray<DocumentEntity | null | undefined>;
} {
  const paragraphs = new ParagraphLexer(text, paragraphRanges, regions);
  const statements = statementMembers(regions);
  const speech: Statement[] = [];
  const nonSpeech: NonSpeechQuote[] = [];
  const mentions = new MentionResolver(text);
  let previous: PreviousSpeaker | null = null;
  // A statement's attribution lies in its paragraphs or the one before, so once the statements that
  // open by paragraph p + 1 are sorted, every attribution phrase in paragraph p is known and p's
  // names can be resolved: in text order, as `MentionResolver` needs.
  let next = 0;
  for (let p = 0; p < paragraphRanges.length; p++) {
    for (; next < statements.length && regions[statements[next][0]].paragraph <= p + 1; next++) {
      for (const part of splitAtOwnCues(text, paragraphs, regions, statements[next])) {
        const sorted = sortStatement(text, paragraphs, regions, part, decide);
        if (sorted === null) continue;
        if ('kind' in sorted) {
          nonSpeech.push(sorted);
          continue;
        }
        const statement = chooseSpeaker(text, paragraphs, regions, sorted, speech.length, previous, choose);
        if (statement.attribution) mentions.addAttribution(statement.attribution, speech.length);
        speech.push(statement);
        const paragraph = regions[statement.members[statement.members.length - 1]].paragraph;
        if (statement.attribution) previous = { attribution: statement.attribution, paragraph, carried: false };
        else if (statement.carried && previous !== null) previous = { attribution: (previous as PreviousSpeaker).attribution, paragraph, carried: true };
      }
    }
    mentions.readNames(text, (paragraphs.paragraph(p) as ParagraphTokens).tokens);
    paragraphs.forgetBefore(p + 1);
  }
  nonSpeech.sort((x, y) => x.range[0] - y.range[0]);
  return { speech, nonSpeech, entityOf: mentions.finish() };
}

/** The regions of each statement (its paragraphs' segments), statements in text order. */
function statementMembers(regions: readonly QuotedRegion[]): number[][] {
  const statements = new Map<number, number[]>();
  regions.forEach((r, i) => {
    const list = statements.get(r.statement);
    if (list) list.push(i);
    else statements.set(r.statement, [i]);
  });
  return [...statements.values()];
}

/**
 * A statement over several paragraphs, split before each later paragraph whose quotation closes with
 * a cue of its own (`¶“…,” he continued.`): the writer's convention carries the quotation on, but the
 * new cue makes it a quotation of its own, as readers and the annotated corpora count it.
 */
function splitAtOwnCues(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], members: readonly number[]): Array<readonly number[]> {
  if (members.length === 1) return [members];
  const parts: number[][] = [[members[0]]];
  for (let m = 1; m < members.length; m++) {
    const region = regions[members[m]];
    const own = region.close >= 0 && quoteCandidates(text, paragraphs, regions, members[m], m, true).length > 0;
    if (own) parts.push([members[m]]);
    else parts[parts.length - 1].push(members[m]);
  }
  return parts;
}

/** A speech statement's regions with the first candidate of its first region's own sentence, if any. */
interface SpeechStatement {
  members: number[];
  first: SpeakerCandidate[];
}

/** A speech statement, a non-speech quotation, or null for stage directions only. */
function sortStatement(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], all: readonly number[], decide: SpeechDecider): SpeechStatement | NonSpeechQuote | null {
  // Stage directions in a transcript (`"(CROSSTALK.)`) quote nobody. (Only a region that opens with a
  // bracket can be one: the others are kept without a slice.)
  const members = all.filter((m) => {
    const range = regions[m].range;
    const opening = text.charCodeAt(range[0]);
    return !((opening === 40 /* ( */ || opening === 91 /* [ */) && isStageDirection(text.slice(range[0], range[1])));
  });
  if (members.length === 0) return null;
  const first = quoteCandidates(text, paragraphs, regions, members[0], 0, true);
  if (members.length === 1) {
    const region = regions[members[0]];
    const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
    const q = quoteToken.get(members[0]) ?? 0;
    // Only a cue or a label counts as evidence of speech here, not a guessed sentence subject.
    const cued = region.label !== null || first.length > 0;
    const reading = readQuotation(text, tokens, q, region.range, cued);
    // A transcript's labelled turn is left to the rules: the label is the evidence.
    const context: QuotationContext = { text, tokens, q, range: region.range, cue: first[0], reading, paragraph: region.paragraph };
    const speech = region.label !== null ? reading.kind === 'speech'
      : decide({ range: region.range, reading, features: () => quotationFeatures(context), score: (weights) => speechScore(context, weights) });
    // (Only a decider other than the shipped one reads the rules' speech as not speech.)
    if (!speech) return { range: region.range, kind: reading.kind === 'speech' ? 'scare' : reading.kind };
  }
  return { members, first };
}

/**
 * Chooses a speech statement's speaker: the rules' choice when it is sure (see `isSure`), else
 * the chooser's among all candidates and the previous speaker.
 */
function chooseSpeaker(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], { members, first }: SpeechStatement, index: number, previous: PreviousSpeaker | null, choose: SpeakerChooser): Statement {
  const region = regions[members[0]];
  // The rules' first candidate is sure for most statements: settled before the others are looked for.
  if (first.length > 0 && isSure(first[0])) return { members, attribution: first[0].attribution, carried: false };
  const candidates: SpeakerCandidate[] = [];
  let rule = -1;
  for (const c of statementCandidates(text, paragraphs, regions, members, first)) {
    if (rule < 0 && !c.extra) {
      if (isSure(c)) return { members, attribution: c.attribution, carried: false };
      rule = candidates.length;
    }
    // An extra phrase that another candidate already gave adds nothing.
    if (c.extra && candidates.some((o) => o.attribution?.phrase.range[0] === c.attribution?.phrase.range[0])) continue;
    candidates.push(c);
  }
  if (previous) {
    candidates.push({ attribution: null, source: 'carried', member: 0, extra: false });
    if (rule < 0 && region.paragraph - previous.paragraph <= CARRY_REACH) rule = candidates.length - 1;
  }
  if (candidates.length === 0) return { members, attribution: null, carried: false };
  const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
  const q = quoteToken.get(members[0]) ?? 0;
  const context: StatementContext = { text, tokens, q, sentence: sentenceAround(tokens, q), region, members: members.length, previous };
  const chosen = candidates[choose({
    statement: index, candidates, rule,
    features: () => candidateFeatures(candidates, rule, context),
    best: (weights) => bestCandidate(candidates, rule, context, weights),
  })];
  return { members, attribution: chosen?.attribution ?? null, carried: chosen?.source === 'carried' };
}

/** One capitalised word naming a person, with no title, honorific or gender: `Leeds`, `Raab`. */
const isBareName = (phrase: SpeakerPhrase): boolean => phrase.kind === 'person' && !phrase.gender && phrase.titles.length === 0 && !phrase.name.includes(' ');

/**
 * Resolves every mention to a document entity, in text order (names as they appear, attribution
 * phrases where they stand; a name first where both start at one offset), so that surnames, roles
 * and pronouns find what came before them. The caller adds each attribution before it reads the
 * names of the attribution's paragraph, and reads paragraphs in text order.
 */
class MentionResolver {
  private readonly index: EntityIndex;
  /** The entity of each statement with an attribution, by statement index. */
  // (An array: statements are numbered from 0, and most speech statements have an attribution.)
  private readonly entityOf: Array<DocumentEntity | null | undefined> = [];
  /** The ranges of the attribution phrases, sorted by start: a name inside one is not mentioned twice. */
  // Ranges rather than a byte per offset of the text, which a long text pays for in memory.
  private readonly phrases: Array<readonly [number, number]> = [];
  /** The longest of `phrases`: how far before an offset a phrase that covers it may start. */
  private longestPhrase = 0;
  /** Attributions not resolved yet, in text order (statements sharing a phrase in statement order). */
  private readonly pending: Array<{ attribution: Attribution; statement: number }> = [];
  private resolved = 0;

  constructor(text: string) {
    this.index = new EntityIndex(text);
  }

  addAttribution(attribution: Attribution, statement: number): void {
    const start = attribution.phrase.range[0];
    const end = attribution.phrase.range[1];
    // Phrases come nearly in text order: the place is found from the end.
    let place = this.phrases.length;
    while (place > 0 && this.phrases[place - 1][0] > start) place--;
    this.phrases.splice(place, 0, [start, end]);
    this.longestPhrase = Math.max(this.longestPhrase, end - start);
    // Statements come nearly in the text order of their phrases: search for the place from the end.
    let at = this.pending.length;
    while (at > this.resolved && this.pending[at - 1].attribution.phrase.range[0] > start) at--;
    this.pending.splice(at, 0, { attribution, statement });
  }

  /** Resolves the names of a paragraph's tokens, after the attributions before each. */
  readNames(text: string, tokens: readonly CueToken[]): void {
    const count = tokens.length;
    let i = 0;
    while (i < count) {
      // Checked inline, not by `isWord`, and the capital first (few tokens have one): this loop sees every token of the text.
      const token = tokens[i];
      if (!token.capital || token.kind !== 'word') {
        i++;
        continue;
      }
      const first = i;
      i = nameRunEnd(tokens, first) + 1;
      // Most runs are one capitalised word (`But`, `Leeds`, `Raab`), and most of those name nobody known: settled without reading a phrase.
      if (i === first + 1) this.readLoneWord(text, tokens, first);
      else this.readRun(text, tokens, { first, last: i - 1, opensSentence: opensSentenceAt(tokens, first) });
    }
  }

  /** `readNames` of a run of one capitalised word, the token at `i`. */
  private readLoneWord(text: string, tokens: readonly CueToken[], i: number): void {
    const word = tokens[i];
    if (SENTENCE_OPENERS.has(word.lower) && opensSentenceAt(tokens, i)) return;
    const bare = bareName(word);
    if (bare === null) {
      this.readRun(text, tokens, { first: i, last: i, opensSentence: opensSentenceAt(tokens, i) });
      return;
    }
    const lower = bare.toLowerCase();
    // A bare name that can name nobody known, with no attribution before it to resolve first, changes nothing.
    if (!this.index.mayKnowWord(lower) && !this.pendingBefore(word.start)) return;
    if (this.inPhrase(word.start) || this.inPhrase(word.end - 1)) return;
    this.resolveAttributionsBefore(word.start);
    if (!this.index.mayKnowWord(lower)) return;
    // Known: a mention of one word naming a person, with no title, honorific or gender (see `isBareName`), counted only if someone has that name.
    const { role, subject } = nameContext(text, tokens, { first: i, last: i, opensSentence: opensSentenceAt(tokens, i) });
    const entity = this.index.mentionWordIfKnown(lower, word.start, subject);
    if (entity && role) this.index.addRole(entity, roleTitle(entity, role.text), role.words);
  }

  /** `readNames` of a run of capitalised words. */
  private readRun(text: string, tokens: readonly CueToken[], run: NameRun): void {
    if (run.first === run.last && run.opensSentence && SENTENCE_OPENERS.has(tokens[run.first].lower)) return;
    const words = run.first === run.last ? [tokens[run.first]] : nameWords(tokens, run);
    const phrase = words.length ? readSpeakerPhrase(text, words) : null;
    if (!namesSomeone(phrase)) return;
    if (this.inPhrase(phrase.range[0]) || this.inPhrase(phrase.range[1] - 1)) return;
    // At the same offset a name goes first.
    this.resolveAttributionsBefore(phrase.range[0]);
    // A bare name that can name nobody known changes nothing (see `resolve`): its context, the costly part, is not read.
    if (isBareName(phrase) && !this.index.mayKnow(phrase)) return;
    const { role, subject } = nameContext(text, tokens, run);
    this.resolve(phrase, role, -1, subject);
  }

  /** Is an attribution that starts before `offset` still to be resolved? */
  private pendingBefore(offset: number): boolean {
    return this.resolved < this.pending.length && this.pending[this.resolved].attribution.phrase.range[0] < offset;
  }

  /** Does an attribution phrase cover `offset`? */
  private inPhrase(offset: number): boolean {
    // The phrases that start at or before `offset`, latest first, as far back as one could reach it.
    // The last phrase that starts at or before `offset`, by binary search (no closure: this runs for every name).
    let lo = 0;
    let hi = this.phrases.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.phrases[mid][0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && this.phrases[i][0] >= offset - this.longestPhrase; i--) {
      if (offset < this.phrases[i][1]) return true;
    }
    return false;
  }

  /** Resolves the attributions left and returns the entity of each statement with one. */
  finish(): ReadonlyArray<DocumentEntity | null | undefined> {
    this.resolveAttributionsBefore(Infinity);
    return this.entityOf;
  }

  private resolveAttributionsBefore(offset: number): void {
    for (; this.resolved < this.pending.length && this.pending[this.resolved].attribution.phrase.range[0] < offset; this.resolved++) {
      const { attribution, statement } = this.pending[this.resolved];
      this.resolve(attribution.phrase, attribution.role, statement, true);
    }
  }

  private resolve(phrase: SpeakerPhrase, role: Attribution['role'], statement: number, subject: boolean): void {
    const at = phrase.range[0];
    // A lone capitalised word (`Leeds`, `Raab`) counts only when it names someone already known.
    const entity = statement < 0 && isBareName(phrase) ? this.index.mentionIfKnown(phrase, at, subject) : this.index.mention(phrase, at, subject);
    if (entity && role) this.index.addRole(entity, roleTitle(entity, role.text), role.words);
    if (statement >= 0) this.entityOf[statement] = entity;
  }
}

/**
 * A role as a title, without its article: `The harbour master` and `Harbour master` (capitalised
 * because they open a sentence) are one title, spelt as the entity first got it.
 */
function roleTitle(entity: DocumentEntity, role: string): string {
  const bare = role.replace(/^(?:the|a|an)\s+/i, '');
  const lower = bare.toLowerCase();
  return [...entity.titles].find((t) => t.toLowerCase() === lower) ?? bare;
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
