/**
 * Word lists that attribution rests on: speech verbs, the small words that sit between a speaker and
 * its verb, titles, pronouns, and the heads of organisation and group names.
 *
 * Lists rather than a parser: news attribution uses a small set of verbs and patterns, and a list is
 * fast and predictable (a part-of-speech tagger cost some fifteen times the whole quote analysis).
 * The open class of verbs of communication comes from WordNet (`COMMUNICATION_VERBS`); the short
 * list of speech verbs is what may be a cue anywhere, many of those verbs being nouns as well.
 * All entries are lower case.
 */

import { COMMUNICATION_VERB_FORMS } from './communicationVerbs';

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Verbs of communication in every form (WordNet's verb.communication; see communicationVerbs.ts). */
export const COMMUNICATION_VERBS = words(COMMUNICATION_VERB_FORMS);

/** Verbs that introduce speech or writing, in every tense used in news copy. */
export const SPEECH_VERBS = words(`
  say says said saying tell tells told telling add adds added adding ask asks asked asking
  write writes wrote writing tweet tweets tweeted tweeting post posts posted state states stated
  explain explains explained declare declares declared note notes noted argue argues argued
  insist insists insisted recall recalls recalled continue continues continued reply replies replied
  respond responds responded warn warns warned claim claims claimed announce announces announced
  acknowledge acknowledges acknowledged remark remarks remarked quip quips quipped joke jokes joked
  admit admits admitted concede concedes conceded suggest suggests suggested observe observes observed
  complain complains complained caution cautions cautioned predict predicts predicted
  promise promises promised vow vows vowed urge urges urged boast boasts boasted brag brags bragged
  lament laments lamented testify testifies testified shout shouts shouted yell yells yelled
  scream screams screamed cry cries cried whisper whispers whispered muse muses mused
  counter counters countered retort retorts retorted answer answers answered allege alleges alleged
  charge charges charged contend contends contended maintain maintains maintained
  emphasize emphasizes emphasized emphasise emphasises emphasised stress stresses stressed stressing
  conclude concludes concluded thunder thunders thundered blast blasts blasted slam slams slammed
  demand demands demanded pledge pledges pledged proclaim proclaims proclaimed confirm confirms confirmed
  deny denies denied report reports reported read reads texted emailed chanted chant chants
  assert asserts asserted reiterate reiterates reiterated explain recount recounts recounted
  describe describes described call calls called label labels labeled labelled brand brands branded
  accuse accuses accused criticize criticizes criticized criticise criticises criticised
  mock mocks mocked question questions questioned wonder wonders wondered repeat repeats repeated
  agree agrees agreed disagree disagrees disagreed describe pointed sang sings sing begged beg begs
  exclaim exclaims exclaimed interjected interject interjects gushed gush gushes raved rave raves
  touted tout touts conceding hinted hint hints opined opine opines
  calling cited cite cites citing promising likened liken likens likening compared compare compares comparing
  condemned condemn condemns condemning exhorted exhort hailed hail hails ruled rules praised praise praises
  dismissed dismiss dismisses typed chanting referenced referred refer refers decried decry decries denounced
  denounce denounces lambasted ridiculed characterized characterizes characterised characterises
  recommended recommends labeling labelling describing insisting arguing claiming warning noting explaining
  vowing urging declaring adding tweeting writing telling quoting quoted
  recalling responding replying answering announcing acknowledging admitting asserting stating predicting
  suggesting promising pledging demanding complaining lamenting boasting joking observing pointing
  reported reporting reports comment comments commented commenting
`);

/** Speech verbs that may stand before their subject: `“…,” said Mr Raab`, `Added Smith: “…”`. */
export const INVERTING_VERBS = words(`
  said says added adds asked asks wrote writes continued continues replied replies explained explains
  noted notes recalled recalls warned warns argued argues insisted insists concluded concludes declared
  declares tweeted tweets countered counters responded responds answered answers remarked remarks
  observed observes cautioned cautions acknowledged acknowledges admitted admits reported reports
  stated states
`);

/** Of the speech verbs, those that are also common nouns: a cue only where a subject precedes them. */
export const NOUN_LIKE_VERBS = words(`
  reports notes claims remarks answers charges calls questions demands promises pledges states
  posts tweets chants cries jokes warns report note claim remark answer charge call question demand
  promise pledge state post tweet chant cry joke read reads label labels brand brands counter
  counters hint hints wonder comment comments
`);

/** Verbs whose object is the addressee, not the speaker (`told reporters`, `asked him`). */
export const ADDRESSEE_VERBS = words('tell tells told telling ask asks asked asking urge urges urged warn warns warned beg begged begs');

/** Words allowed between a subject and its verb: auxiliaries, negation, adverbs of time and manner. */
export const BETWEEN_SUBJECT_AND_VERB = words(`
  has have had was were is are be been would will could should might may can did does do also later
  then once repeatedly reportedly publicly privately recently previously earlier still again often
  just simply only flatly quickly immediately frequently allegedly apparently ultimately further
  separately subsequently famously never not n't always already first initially has since now
  didn't doesn't don't wasn't weren't isn't aren't hasn't haven't hadn't won't wouldn't couldn't can't
`);

/** Words that cannot belong to a speaker's noun phrase: they end the walk from a verb to its subject. */
export const PHRASE_BREAKERS = words(`
  that and but or when while as after before because if who whom which whose where since though
  although than then so yet nor whether until unless once during about against into onto upon
  with without at on in by from to for of over under like via amid among between through
  is are was were be been being has have had do does did would will could should might may can
  not never also said says say told tells added adds this these those it there here what how why
`);

/** Subject pronouns that can speak, with the kind of speaker they refer to. */
export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'group' | 'thing' | 'self'> = new Map([
  ['he', 'male'], ['she', 'female'], ['they', 'group'], ['it', 'thing'], ['we', 'group'], ['i', 'self'],
]);

/** Honorifics before a name, with the gender they imply ('' for none). */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | ''> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['mx', ''], ['dr', ''],
  ['sir', 'male'], ['dame', 'female'], ['lord', 'male'], ['lady', 'female'], ['prof', ''],
]);

/**
 * Capitalised words that are titles, roles or their qualifiers rather than names: in
 * `UK Foreign Secretary Dominic Raab` everything up to the last of these is the title.
 */
export const TITLE_WORDS = words(`
  president vice prime minister secretary foreign home interior defence defense state chancellor
  senator sen rep representative congressman congresswoman governor gov lt lieutenant general gen
  col colonel capt captain sgt sergeant adm admiral judge justice chief mayor speaker leader
  deputy chairman chairwoman chair director ambassador spokesman spokeswoman spokesperson former
  acting attorney commissioner chancellor minister premier king queen prince princess pope
  sheriff officer commander coach professor prof rev reverend father bishop cardinal rabbi imam
  pastor ceo founder candidate nominee presidential democratic republican labour conservative
  senior first lady mrs mr ms dr sir dame lord miss mx shadow party
`);

/** Heads that make a name an organisation (`Downing Street`, `the White House`, `ministry of …`). */
export const ORGANISATION_WORDS = words(`
  street house department ministry office party committee campaign commission council agency
  bureau association foundation institute university college times post journal news network
  press reuters ap afp cnn nbc abc cbs msnbc fox bbc fbi cia nsa nato un eu congress senate
  pentagon kremlin government parliament court police corp inc company group union organization
  organisation administration service services centre center board authority embassy army navy
  military cabinet assembly coalition alliance fund bank paper magazine newspaper tribune herald
  gazette channel television radio site website blog poll survey report statement spokesman
  spokeswoman spokesperson team staff spokespeople g7 g20 white
`);

/** Lower-case heads of speakers that are groups of people (`G7 ministers`, `officials`). */
export const GROUP_WORDS = words(`
  ministers officials leaders aides advisers advisors experts analysts critics supporters
  protesters protestors members lawmakers legislators democrats republicans voters residents
  people sources officers police authorities diplomats activists organizers organisers
  representatives senators delegates researchers scientists economists observers investors
  executives workers staffers spokesmen spokespeople allies opponents rivals candidates
  governments countries nations democracies
`);

/** Words before a quotation that mark it as a title of a work, not speech. */
export const TITLE_CUES = words(`
  film movie book novel song album show series documentary play poem article column headline
  essay podcast programme program opera musical titled entitled memoir single track episode
  newspaper magazine hashtag slogan motto banner sign broadcast radio tv television commentary op-ed
  editorial
`);

/**
 * Nouns of works that also name reports and statements people make (`the report said`): right
 * before a title-case quotation they introduce its title (`the council's report “Rising Tides”`).
 */
export const WORK_NOUNS = words(`
  report study paper survey review campaign strategy manifesto poster exhibition project plan
  speech lecture sermon story
`);

/** Words before a quotation that mark it as a scare quote or a mention of a word, not speech. */
export const SCARE_CUES = words('so-called quote-unquote nickname');

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = words(`
  mr mrs ms dr sen rep gov gen lt col capt sgt adm prof rev st jr sr inc co corp ltd no vs etc
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft pres atty supt cmdr gen ave
`);

/** Words that open a speaker phrase: articles, possessives, quantifiers (`the`, `his`, `two`). */
export const DETERMINER_START = words('the a an his her their its our one another some several many two three four both other');

/** Articles and possessives: a phrase never ends with one. */
export const ARTICLES = words('the a an his her their its our my your');

/** Small words allowed inside a speaker phrase (`a spokesman for the campaign`, `ministry of foreign affairs`). */
export const INSIDE_PHRASE = words('of for at the a an and');

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

/** Words of dates and times that open a name run (`on Tuesday Ms Smith`) but never name anyone. */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february september october november
  december today tonight yesterday tomorrow morning afternoon evening night midnight noon weekend
`);

/** Relative pronouns that stand for a speaker (`the department, which reported`). */
export const RELATIVE_PRONOUNS = words('who which');

/** Capitalised words that open a sentence without naming anyone (`Yesterday`, `But`, `Asked`). */
export const SENTENCE_OPENERS = words(`
  yesterday today tonight meanwhile however also still now later earlier then instead indeed
  separately afterwards previously last this that thus but and so yet or in on at after before since while when asked speaking
  writing as
`);

/** Words that open an adverbial before a sentence's subject (`In January, …`, `Though she …`). */
export const PREPOSITIONS = words(`
  in on at after before during since following with without for from under over despite amid like unlike as while
  when if although though because
`);

/** Words ending in -ly that are not adverbs. */
export const NOT_ADVERBS = words('family ally assembly rally supply daily weekly monthly italy july bully only');

export const BE_FORMS = words('is was were are been be');

/** Nouns of speech that take their speaker as a possessive (`Trump’s claim that …`). */
export const SPEECH_NOUNS = words(`
  claim claims statement statements remark remarks comment comments words tweet tweets promise promises warning
  assertion pledge message letter speech response answer call description
`);

/** Words that may stand before a subject at the start of a clause (`…, and he said`). */
export const CLAUSE_STARTERS = words('and but that while as when because so then what');
