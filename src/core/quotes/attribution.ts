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
import { earlierCue, findAttribution, isCue, isWord, relativeClauseSubject, sentenceSubject, signatureLine, trimOpeners, type Attribution } from './attributionPatterns';
import { cueTokens, endsSentence, firstWordIndex, sentenceAround, type CueToken } from './cueTokens';
import type { AttributionCue, NonSpeechQuote, Quote, Range, Speaker } from '../model';
import { extractQuotedRegions, type ExtractedQuotes, type QuotedRegion } from './quotedRegions';
import { EntityIndex, type DocumentEntity } from './entities';
import { readSpeakerPhrase, type SpeakerPhrase } from './speakerPhrases';
import { classifyQuotation, isStageDirection } from './nonSpeech';

/** Quotes, non-speech quotations and speakers of one document; speaker ids are local to it. */
export interface DocumentQuotes {
  quotes: Quote[];
  nonSpeech: NonSpeechQuote[];
  /** Speakers with at least one quote, in order of their first quote; `quotes.b` is empty. */
  speakers: Speaker[];
}

interface ParagraphTokens {
  tokens: CueToken[];
  /** Token index of each region of the paragraph, by region index. */
  quoteToken: Map<number, number>;
}

type QuoteSpan = { span: Range; index: number; endsWithStop: boolean };

/**
 * Cue tokens of each paragraph, made when first asked for and kept until `forgetBefore` passes
 * them. Tokens are most of the memory attribution uses (an object per word): kept for a paragraph or
 * two they die young, which costs next to nothing, where kept for a whole long text they would
 * survive into the old generation and be copied by the garbage collector.
 */
class ParagraphLexer {
  private readonly quotesOf: QuoteSpan[][];
  private readonly kept: Array<ParagraphTokens | undefined>;
  /** Paragraphs before this one have been forgotten. */
  private keptFrom = 0;

  constructor(private readonly text: string, private readonly ranges: readonly Range[], regions: readonly QuotedRegion[]) {
    this.quotesOf = ranges.map(() => []);
    this.kept = ranges.map(() => undefined);
    regions.forEach((r, index) => {
      this.quotesOf[r.paragraph].push({ span: [r.open, r.closeEnd], index, endsWithStop: text[r.range[1] - 1] === '.' });
    });
  }

  /** Paragraph `p`'s tokens, quotations folded, with the quotations' places (undefined outside the text). */
  paragraph(p: number): ParagraphTokens | undefined {
    if (p < 0 || p >= this.ranges.length) return undefined;
    let kept = this.kept[p];
    if (!kept) {
      const tokens = cueTokens(this.text, this.ranges[p], this.quotesOf[p]);
      const quoteToken = new Map<number, number>();
      if (this.quotesOf[p].length > 0) tokens.forEach((t, i) => { if (t.kind === 'quote') quoteToken.set(t.region, i); });
      kept = { tokens, quoteToken };
      this.kept[p] = kept;
    }
    return kept;
  }

  /** Drops the tokens of paragraphs before `p`. */
  forgetBefore(p: number): void {
    for (; this.keptFrom < Math.min(p, this.kept.length); this.keptFrom++) this.kept[this.keptFrom] = undefined;
  }
}

/** The phrase a transcript label (`PENCE:`) names. */
function labelAttribution(text: string, label: Range): Attribution | null {
  const words = cueTokens(text, label, []).filter(isWord);
  const phrase = readSpeakerPhrase(text, words);
  return phrase ? { phrase: { ...phrase, range: label }, role: null, cue: { kind: 'label', range: label } } : null;
}

/** Do the quoted words of `region` end with a full stop? */
const endsWithStop = (text: string, region: QuotedRegion): boolean => text[region.range[1] - 1] === '.';

/** The attribution a cue gives the statement: the first of its quotes with a cue in its sentence. */
function cueAttribution(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], members: readonly number[]): Attribution | null {
  for (const index of members) {
    const region = regions[index];
    const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
    const q = quoteToken.get(index);
    if (q === undefined) continue;
    const found = findAttribution(text, tokens, q, endsWithStop(text, region));
    if (found) return found;
  }
  return null;
}

/** The attribution of a statement with no cue: its label, its paragraph's or its sentence's subject. */
function uncuedAttribution(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], members: readonly number[]): Attribution | null {
  const first = regions[members[0]];
  if (first.label) return labelAttribution(text, first.label);
  const { tokens, quoteToken } = paragraphs.paragraph(first.paragraph) as ParagraphTokens;
  const q = quoteToken.get(members[0]) ?? 0;
  const opensParagraph = q < firstWordIndex(tokens);
  if (opensParagraph) {
    // `The New York Times reports:` ends the paragraph before the quote it introduces.
    const before = paragraphs.paragraph(first.paragraph - 1);
    const last = before?.tokens[before.tokens.length - 1];
    if (before && last && last.kind === 'punct' && last.text === ':') {
      const [from] = sentenceAround(before.tokens, before.tokens.length - 1);
      return earlierCue(text, before.tokens, before.tokens.length) ?? sentenceSubject(text, before.tokens, from, before.tokens.length - 1);
    }
    return before ? statementIntroduction(text, before.tokens) ?? reportedBefore(text, before.tokens) : null;
  }
  const [from] = sentenceAround(tokens, q);
  const own = relativeClauseSubject(text, tokens, from, q) ?? sentenceSubject(text, tokens, from, q) ?? earlierCue(text, tokens, from);
  if (own || from === 0) return own;
  // A quote that opens a sentence mid-paragraph continues the previous sentence's subject.
  const [previousFrom] = sentenceAround(tokens, from - 1);
  return sentenceSubject(text, tokens, previousFrom, from - 1);
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
function reportedBefore(text: string, tokens: readonly CueToken[]): Attribution | null {
  if (tokens.length === 0 || tokens.some((t) => t.kind === 'quote')) return null;
  const [from] = sentenceAround(tokens, tokens.length - 1);
  const found = earlierCue(text, tokens, tokens.length);
  if (!found) return null;
  const at = found.phrase.range[0];
  return tokens[from] && tokens[from].start <= at ? found : null;
}

/** A run of capitalised words outside quotes that reads as a name, for surname, role and pronoun resolution. */
interface NameRun {
  phrase: SpeakerPhrase;
  /** Indices of the run's first and last tokens. */
  first: number;
  last: number;
  opensSentence: boolean;
}

/** The names of a paragraph, in text order. */
function nameRuns(text: string, tokens: readonly CueToken[]): NameRun[] {
  const out: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    // Checked inline, not by `isWord`: this loop sees every token of the text.
    if (tokens[i].kind !== 'word' || !tokens[i].capital) { i++; continue; }
    let j = i;
    while (j + 1 < tokens.length && isWord(tokens[j + 1]) && tokens[j + 1].capital && !tokens[j].possessive) j++;
    let words = tokens.slice(i, j + 1);
    const opensSentence = i === 0 || endsSentence(tokens, i - 1) || tokens[i - 1].kind === 'quote';
    if (opensSentence) words = trimOpeners(words).filter((w, k) => !(k === 0 && SENTENCE_OPENERS.has(w.lower)));
    const phrase = words.length ? readSpeakerPhrase(text, words) : null;
    if (phrase && !phrase.description && !phrase.pronoun) out.push({ phrase, first: i, last: j, opensSentence });
    i = j + 1;
  }
  return out;
}

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
  /** Its own attribution, or null when it inherits the previous speaker's. */
  attribution: Attribution | null;
}

interface Resolved {
  phrase: SpeakerPhrase;
  entity: DocumentEntity | null;
  cue: AttributionCue;
}

/**
 * Finds the direct quotes of a text and attributes each to a speaker. Pure; about linear in the
 * text's length.
 */
export function analyzeQuotes(text: string): DocumentQuotes {
  return attributeQuotes(text, extractQuotedRegions(text));
}

/**
 * `analyzeQuotes` in its second step, for a caller that had a use for the quoted regions before the
 * attribution (every quote's range is the range of one of them).
 */
export function attributeQuotes(text: string, { paragraphs, regions }: ExtractedQuotes): DocumentQuotes {
  const { speech, nonSpeech, entityOf } = readParagraphs(text, paragraphs, regions);

  // Statements with no attribution of their own continue the previous speaker, if recent.
  const resolved: Array<Resolved | null> = [];
  let previous: (Resolved & { paragraph: number }) | null = null;
  speech.forEach((statement, n) => {
    const first = regions[statement.members[0]];
    let result: Resolved | null = null;
    if (statement.attribution) result = { phrase: statement.attribution.phrase, entity: entityOf.get(n) ?? null, cue: statement.attribution.cue };
    else if (previous && first.paragraph - previous.paragraph <= 3) result = { ...previous, cue: { kind: 'carried', range: previous.cue.range } };
    resolved.push(result);
    if (result) previous = { ...result, paragraph: regions[statement.members[statement.members.length - 1]].paragraph };
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
 * Sorts the statements into speech and non-speech and resolves the names and attributions to
 * entities, in one pass over the paragraphs so that each is lexed once and its tokens die young.
 * (Its own function also keeps the optimising compiler's on-stack replacement of the loop small.)
 */
function readParagraphs(text: string, paragraphRanges: readonly Range[], regions: readonly QuotedRegion[]): {
  speech: Statement[];
  nonSpeech: NonSpeechQuote[];
  entityOf: Map<number, DocumentEntity | null>;
} {
  const paragraphs = new ParagraphLexer(text, paragraphRanges, regions);
  const statements = statementMembers(regions);
  const speech: Statement[] = [];
  const nonSpeech: NonSpeechQuote[] = [];
  const mentions = new MentionResolver(text);
  // A statement's attribution lies in its paragraphs or the one before, so once the statements that
  // open by paragraph p + 1 are sorted, every attribution phrase in paragraph p is known and p's
  // names can be resolved: in text order, as `MentionResolver` needs.
  let next = 0;
  for (let p = 0; p < paragraphRanges.length; p++) {
    for (; next < statements.length && regions[statements[next][0]].paragraph <= p + 1; next++) {
      const sorted = sortStatement(text, paragraphs, regions, statements[next]);
      if (sorted && 'kind' in sorted) nonSpeech.push(sorted);
      else if (sorted) {
        if (sorted.attribution) mentions.addAttribution(sorted.attribution, speech.length);
        speech.push(sorted);
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

/** A speech statement with its own attribution, a non-speech quotation, or null for stage directions only. */
function sortStatement(text: string, paragraphs: ParagraphLexer, regions: readonly QuotedRegion[], all: readonly number[]): Statement | NonSpeechQuote | null {
  // Stage directions in a transcript (`"(CROSSTALK.)`) quote nobody.
  const members = all.filter((m) => !isStageDirection(text.slice(regions[m].range[0], regions[m].range[1])));
  if (members.length === 0) return null;
  const cue = cueAttribution(text, paragraphs, regions, members);
  if (members.length === 1) {
    const region = regions[members[0]];
    const { tokens, quoteToken } = paragraphs.paragraph(region.paragraph) as ParagraphTokens;
    // Every region has its quote token in its paragraph, so `cue` is this quote's own cue: not looked for twice.
    const q = quoteToken.get(members[0]) ?? 0;
    // Only a cue or a label counts as evidence of speech here, not a guessed sentence subject.
    const cued = region.label !== null || cue !== null;
    const kind = classifyQuotation(text, tokens, q, region.range, cued);
    if (kind !== 'speech') return { range: region.range, kind };
  }
  // Only speech needs its attribution, and looking for one has no side effects: non-speech skips it.
  return { members, attribution: cue ?? signatureBelow(text, paragraphs, regions, members) ?? uncuedAttribution(text, paragraphs, regions, members) };
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
  private readonly entityOf = new Map<number, DocumentEntity | null>();
  /** Offsets covered by attribution phrases: a name inside one is not mentioned twice. */
  // A byte per offset rather than a Set of offsets, which is dear to fill on long texts.
  private readonly inPhrase: Uint8Array;
  /** Attributions not resolved yet, in text order (statements sharing a phrase in statement order). */
  private readonly pending: Array<{ attribution: Attribution; statement: number }> = [];
  private resolved = 0;

  constructor(text: string) {
    this.index = new EntityIndex(text);
    this.inPhrase = new Uint8Array(text.length + 1);
  }

  addAttribution(attribution: Attribution, statement: number): void {
    const [start, end] = attribution.phrase.range;
    this.inPhrase.fill(1, start, end);
    // Statements come nearly in the text order of their phrases: search for the place from the end.
    let at = this.pending.length;
    while (at > this.resolved && this.pending[at - 1].attribution.phrase.range[0] > start) at--;
    this.pending.splice(at, 0, { attribution, statement });
  }

  /** Resolves the names of a paragraph's tokens, after the attributions before each. */
  readNames(text: string, tokens: readonly CueToken[]): void {
    for (const run of nameRuns(text, tokens)) {
      const { phrase } = run;
      if (this.inPhrase[phrase.range[0]] === 1 || this.inPhrase[phrase.range[1] - 1] === 1) continue;
      // At the same offset a name goes first.
      this.resolveAttributionsBefore(phrase.range[0]);
      // A bare name that can name nobody known changes nothing (see `resolve`): its context, the costly part, is not read.
      if (isBareName(phrase) && !this.index.mayKnow(phrase)) continue;
      const { role, subject } = nameContext(text, tokens, run);
      this.resolve(phrase, role, -1, subject);
    }
  }

  /** Resolves the attributions left and returns the entity of each statement with one. */
  finish(): Map<number, DocumentEntity | null> {
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
    if (statement >= 0) this.entityOf.set(statement, entity);
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
