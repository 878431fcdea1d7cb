/**
 * The speaker model: of a statement's speaker candidates (see `speakerCandidates.ts`), the one a
 * linear score over what the candidate is and where it stands ranks highest. The weights are learnt
 * from annotated news by `scripts/model/speaker.mjs` (a conditional logit over each statement's
 * candidates) and shipped in `speakerWeights.ts`; without them the rules' order decides.
 */
import { COMMUNICATION_VERBS, SPEECH_VERBS } from './wordLists';
import type { CueToken } from './cueTokens';
import type { Attribution } from './attributionPatterns';
import type { CandidateSource, SpeakerCandidate } from './speakerCandidates';
import type { QuotedRegion } from './quotedRegions';
import type { Range } from '../model';

/** The speaker of the last statement that had one. */
export interface PreviousSpeaker {
  attribution: Attribution;
  /** The paragraph of that statement's last region. */
  paragraph: number;
  /** Whether that statement carried it on from one before. */
  carried: boolean;
}

/** What the features read of the statement a candidate would speak. */
export interface StatementContext {
  text: string;
  /** The tokens of the paragraph of the statement's first region, and the region's token there. */
  tokens: readonly CueToken[];
  q: number;
  /** The sentence of that token, as token indices `[from, to)`. */
  sentence: [number, number];
  region: QuotedRegion;
  members: number;
  previous: PreviousSpeaker | null;
}

const SOURCES: readonly CandidateSource[] = ['after', 'before', 'any-verb', 'signature', 'label', 'colon-paragraph', 'introduction', 'reported-before',
  'relative', 'subject', 'earlier-cue', 'previous-subject', 'previous-paragraph-cue', 'clause', 'carried'];
const CUE_KINDS = ['verb', 'according-to', 'colon', 'noun', 'label', 'signature', 'subject'] as const;
/** What a candidate is, for the statement-wide features to interact with (those alone add the same to every candidate). */
const GROUPS = ['cued', 'uncued', 'carried'] as const;
const groupOf = (source: CandidateSource): typeof GROUPS[number] =>
  source === 'carried' ? 'carried' : source === 'after' || source === 'before' || source === 'any-verb' || source === 'signature' || source === 'label' ? 'cued' : 'uncued';
/** Features of the statement, in `statementValues` order. */
const STATEMENT_FEATURES = ['opens-paragraph', 'alone', 'words', 'lower-start', 'multi-paragraph', 'ends-comma', 'first-paragraph', 'previous-gap', 'no-previous'] as const;
/** What a phrase is, for the sources to interact with. */
const PHRASE_TYPES = ['pronoun', 'named', 'description'] as const;
const INDEFINITES = new Set(['another', 'others', 'some', 'many', 'several', 'both']);

/** The names of the features, in the order of the weights. */
export const SPEAKER_FEATURES: readonly string[] = [
  ...SOURCES.map((s) => `source:${s}`), 'rule', 'rank', 'later-member', 'votes',
  ...CUE_KINDS.map((k) => `cue:${k}`), 'cue-word:speech', 'cue-word:communication', 'cue-word:other', 'cue-word:auxiliary', 'cue-word:preposition', 'cue:nearest-before-quote',
  'phrase:he-she', 'phrase:they-we', 'phrase:it', 'phrase:i', 'phrase:description', 'phrase:indefinite', 'phrase:named',
  'kind:person', 'kind:organisation', 'kind:group', 'phrase:title', 'phrase:gender', 'phrase:words',
  'place:after-quote', 'place:distance', 'place:same-paragraph', 'place:paragraph-gap', 'place:same-sentence',
  'previous:same', 'previous:pronoun-agrees', 'previous:pronoun-disagrees', 'previous:was-carried',
  ...STATEMENT_FEATURES.flatMap((f) => GROUPS.map((g) => `${f}*${g}`)),
  ...SOURCES.flatMap((s) => PHRASE_TYPES.map((t) => `source:${s}*${t}`)),
];
const INDEX = new Map(SPEAKER_FEATURES.map((name, i) => [name, i]));
const at = (name: string): number => INDEX.get(name) as number;
// Indices looked up once: features are set for every candidate of every statement.
const SOURCE_AT = new Map(SOURCES.map((s) => [s, at(`source:${s}`)]));
const CUE_AT = new Map(CUE_KINDS.map((k) => [k as string, at(`cue:${k}`)]));
const STATEMENT_AT = new Map(GROUPS.map((g) => [g, STATEMENT_FEATURES.map((f) => at(`${f}*${g}`))]));
const [RULE, RANK, LATER_MEMBER, VOTES, CUE_SPEECH, CUE_COMMUNICATION, CUE_OTHER, CUE_AUXILIARY, CUE_PREPOSITION, NEAREST_BEFORE] = ['rule', 'rank', 'later-member', 'votes',
  'cue-word:speech', 'cue-word:communication', 'cue-word:other', 'cue-word:auxiliary', 'cue-word:preposition', 'cue:nearest-before-quote'].map(at);
const SOURCE_TYPE_AT = new Map(SOURCES.map((s) => [s, PHRASE_TYPES.map((t) => at(`source:${s}*${t}`))]));
const AUXILIARY_WORDS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);
const [HE_SHE, THEY_WE, IT, I, DESCRIPTION, INDEFINITE, NAMED, TITLE, GENDER, WORDS] = ['phrase:he-she', 'phrase:they-we', 'phrase:it', 'phrase:i', 'phrase:description', 'phrase:indefinite', 'phrase:named', 'phrase:title', 'phrase:gender', 'phrase:words'].map(at);
const KIND_AT = new Map([['person', at('kind:person')], ['organisation', at('kind:organisation')], ['group', at('kind:group')]]);
const [AFTER_QUOTE, DISTANCE, SAME_PARAGRAPH, PARAGRAPH_GAP, SAME_SENTENCE] = ['place:after-quote', 'place:distance', 'place:same-paragraph', 'place:paragraph-gap', 'place:same-sentence'].map(at);
const [PREVIOUS_SAME, PRONOUN_AGREES, PRONOUN_DISAGREES, WAS_CARRIED] = ['previous:same', 'previous:pronoun-agrees', 'previous:pronoun-disagrees', 'previous:was-carried'].map(at);

const log1p = (x: number): number => Math.log(1 + Math.max(0, x));
const nameTokens = (name: string): string[] => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);

/** The phrase a candidate would give the statement. */
const attributionOf = (c: SpeakerCandidate, previous: PreviousSpeaker | null): Attribution | null => c.attribution ?? previous?.attribution ?? null;

/** Do two attributions name the same speaker on the face of it (one mention, or a name word in common)? */
function sameSpeaker(a: Attribution, b: Attribution): boolean {
  if (a.phrase.range[0] === b.phrase.range[0]) return true;
  if (a.phrase.pronoun || b.phrase.pronoun || a.phrase.description || b.phrase.description) return false;
  const words = new Set(nameTokens(a.phrase.name));
  return nameTokens(b.phrase.name).some((w) => words.has(w));
}

/** Could pronoun phrase `a` refer to the speaker of `b`? null when `a` is no personal pronoun. */
function pronounAgrees(a: Attribution, b: Attribution): boolean | null {
  const pronoun = a.phrase.pronoun;
  if (pronoun !== 'he' && pronoun !== 'she' && pronoun !== 'they' && pronoun !== 'it') return null;
  const kind = b.phrase.kind;
  if (pronoun === 'he' || pronoun === 'she') return kind === 'person' && !(b.phrase.gender && b.phrase.gender !== a.phrase.gender);
  return kind !== 'person';
}

// A module constant: the bundler turns this one into a `new RegExp(…)` call, looked up again on every call.
const STARTS_LOWER_CASE = /^\p{Ll}/u;

/** Words in `text` from `start`, counted up to `limit` characters. */
function wordCount(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Receives feature `feature` of candidate `candidate` (each at most once; the rest are 0). */
type FeatureSink = (candidate: number, feature: number, value: number) => void;

/** The features of each candidate of a statement (`rule` is the rules' choice among them, or -1), told to `put`. */
function describeCandidates(candidates: readonly SpeakerCandidate[], rule: number, context: StatementContext, put: FeatureSink): void {
  const { text, tokens, sentence, region, previous } = context;
  const quoteStart = region.open;
  const gap = previous ? Math.min(region.paragraph - previous.paragraph, 5) / 5 : 0;
  const statementValues = [
    context.q < firstWord(tokens) ? 1 : 0,
    tokens.every((t) => t.kind !== 'word') ? 1 : 0,
    log1p(wordCount(text, region.range[0], Math.min(region.range[1], region.range[0] + 400))) / 5,
    STARTS_LOWER_CASE.test(text.slice(region.range[0], region.range[0] + 2)) ? 1 : 0,
    context.members > 1 ? 1 : 0,
    /,["”'’]*$/u.test(text.slice(region.range[1] - 1, region.closeEnd)) ? 1 : 0,
    region.paragraph === 0 ? 1 : 0,
    gap,
    previous ? 0 : 1,
  ];
  const sentenceStart = tokens[sentence[0]]?.start ?? quoteStart;
  const sentenceEnd = tokens[sentence[1] - 1]?.end ?? region.closeEnd;
  const paragraphStart = tokens[0]?.start ?? quoteStart;
  const paragraphEnd = tokens[tokens.length - 1]?.end ?? region.closeEnd;
  // The latest cue before the quote in its sentence.
  let nearestVerbBefore = -1;
  for (const c of candidates) {
    const range = c.attribution?.cue.range;
    if (range && range[1] <= quoteStart && range[0] >= sentenceStart && range[0] > nearestVerbBefore && (c.attribution?.cue.kind === 'verb' || c.attribution?.cue.kind === 'subject')) nearestVerbBefore = range[0];
  }
  let rank = 0;
  candidates.forEach((c, i) => {
    const set = (feature: number, value = 1): void => put(i, feature, value);
    set(SOURCE_AT.get(c.source) as number);
    if (i === rule) set(RULE);
    if (c.source !== 'carried') set(RANK, Math.min(rank++, 4) / 4);
    if (c.member > 0) set(LATER_MEMBER);
    const interactions = STATEMENT_AT.get(groupOf(c.source)) as number[];
    for (let k = 0; k < interactions.length; k++) set(interactions[k], statementValues[k]);
    const a = attributionOf(c, previous);
    if (!a) return;
    let votes = 0;
    for (let j = 0; j < candidates.length; j++) if (j !== i && candidates[j].attribution?.phrase.range[0] === a.phrase.range[0]) votes++;
    set(VOTES, Math.min(votes, 3) / 3);
    const cue = c.attribution?.cue;
    if (cue && cue.kind !== 'carried') set(CUE_AT.get(cue.kind) as number);
    if (cue?.range && (cue.kind === 'verb' || cue.kind === 'subject')) {
      const word = text.slice(cue.range[0], cue.range[1]).toLowerCase().replace(/’/g, "'");
      set(SPEECH_VERBS.has(word) ? CUE_SPEECH : COMMUNICATION_VERBS.has(word) ? CUE_COMMUNICATION : AUXILIARY_WORDS.has(word) ? CUE_AUXILIARY
        : word === 'by' || word === 'from' ? CUE_PREPOSITION : CUE_OTHER);
      // The verb nearest before the quote in its sentence governs it: `X told Y that Z had said “…”` is Z's.
      if (cue.range[1] <= quoteStart && cue.range[0] >= sentenceStart && nearestVerbBefore === cue.range[0]) set(NEAREST_BEFORE);
    }
    const phrase = a.phrase;
    const pronoun = phrase.pronoun;
    if (pronoun === 'he' || pronoun === 'she') set(HE_SHE);
    else if (pronoun === 'they' || pronoun === 'we') set(THEY_WE);
    else if (pronoun === 'it') set(IT);
    else if (pronoun === 'i') set(I);
    else if (phrase.description) set(INDEFINITES.has(phrase.name.toLowerCase()) ? INDEFINITE : DESCRIPTION);
    else set(NAMED);
    set((SOURCE_TYPE_AT.get(c.source) as number[])[PHRASE_TYPES.indexOf(pronoun ? 'pronoun' : phrase.description ? 'description' : 'named')]);
    set(KIND_AT.get(phrase.kind) as number);
    if (phrase.titles.length > 0) set(TITLE);
    if (phrase.gender) set(GENDER);
    set(WORDS, log1p(wordCount(phrase.name, 0, phrase.name.length)) / 2);
    if (c.attribution) {
      const [start, end]: Range = phrase.range;
      set(AFTER_QUOTE, start > quoteStart ? 1 : 0);
      set(DISTANCE, log1p(start > quoteStart ? start - region.closeEnd : quoteStart - end) / 8);
      if (start >= paragraphStart && end <= paragraphEnd) set(SAME_PARAGRAPH);
      else set(PARAGRAPH_GAP, 0.2);
      if (start >= sentenceStart && end <= sentenceEnd) set(SAME_SENTENCE);
    } else {
      set(PARAGRAPH_GAP, previous ? gap : 1);
    }
    if (previous && c.attribution) {
      if (sameSpeaker(c.attribution, previous.attribution)) set(PREVIOUS_SAME);
      const agrees = pronounAgrees(c.attribution, previous.attribution);
      if (agrees === true) set(PRONOUN_AGREES);
      if (agrees === false) set(PRONOUN_DISAGREES);
    }
    if (c.source === 'carried' && previous?.carried) set(WAS_CARRIED);
  });
}

function firstWord(tokens: readonly CueToken[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i].kind !== 'word') i++;
  return i;
}

/** The features of each candidate of a statement (`rule` is the rules' choice among them, or -1), in `SPEAKER_FEATURES` order. */
export function candidateFeatures(candidates: readonly SpeakerCandidate[], rule: number, context: StatementContext): Float64Array[] {
  const features = candidates.map(() => new Float64Array(SPEAKER_FEATURES.length));
  describeCandidates(candidates, rule, context, (candidate, feature, value) => { features[candidate][feature] = value; });
  return features;
}

/** The index of the candidate that scores highest under `weights` (the earliest of equals), or -1 for none. */
export function bestCandidate(candidates: readonly SpeakerCandidate[], rule: number, context: StatementContext, weights: ArrayLike<number>): number {
  const scores = new Float64Array(candidates.length);
  describeCandidates(candidates, rule, context, (candidate, feature, value) => { scores[candidate] += value * weights[feature]; });
  return highest(scores);
}

/** The index of the highest score (the earliest of equals), or -1 for none. */
export function highest(scores: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (best < 0 || scores[i] > scores[best]) best = i;
  return best;
}
