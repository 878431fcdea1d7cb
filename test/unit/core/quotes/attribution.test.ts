import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeQuotes, type DocumentQuotes } from '../../../../src/core/quotes/attribution';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../fixtures/quotes', name), 'utf8');

/** Each quote as [quoted words, canonical speaker, the words of the mention], for compact assertions. */
function who(text: string, doc: DocumentQuotes = analyzeQuotes(text)): Array<[string, string | null, string | null]> {
  return doc.quotes.map((q) => [q.text, q.speaker?.name ?? null, q.speaker ? text.slice(q.speaker.range[0], q.speaker.range[1]) : null]);
}

describe('analyzeQuotes: cue patterns', () => {
  it('reads a cue after the quote, in both orders', () => {
    const text = 'Jane Doe runs the ferry.\n\n“The boats are full,” she said.\n\n“We need two more,” said Ms Doe.';
    assert.deepStrictEqual(who(text), [
      ['The boats are full,', 'Jane Doe', 'she'],
      ['We need two more,', 'Jane Doe', 'Ms Doe'],
    ]);
  });

  it('reads a cue before the quote: colon, partial quote, told reporters, according to', () => {
    const text = [
      'Mayor Ruth Okafor said: “The library stays open.”',
      'Council leader Sam Patel told reporters the plan was “dead on arrival”.',
      'According to the fire service, “nobody was hurt in the blaze”.',
    ].join('\n');
    assert.deepStrictEqual(who(text), [
      ['The library stays open.', 'Ruth Okafor', 'Ruth Okafor'],
      ['dead on arrival', 'Sam Patel', 'Sam Patel'],
      ['nobody was hurt in the blaze', 'fire service', 'the fire service'],
    ]);
  });

  it('marks the pronoun of a later clause of the same speaker, not what the cue reports', () => {
    const text = [
      'Mayor Ruth Okafor said the budget was tight, but she gave the council a promise: “The library stays open.”',
      'Sam Patel said she would decide by Friday and called the plan “dead on arrival”.',
      'Sam Patel praised the crews, and he thanked the volunteers for their “quiet courage”.',
    ].join('\n\n');
    assert.deepStrictEqual(who(text), [
      ['The library stays open.', 'Ruth Okafor', 'she'],
      ['dead on arrival', 'Sam Patel', 'Sam Patel'],
      ['quiet courage', 'Sam Patel', 'he'],
    ]);
  });

  it('gives a passive cue to its agent, before or after the quote', () => {
    const text = [
      'Ruth Okafor was asked by host Sam Patel, who chairs the panel, “Will the library stay open?”',
      '“Sit down,” she was told by the chairman.',
    ].join('\n\n');
    assert.deepStrictEqual(who(text), [
      ['Will the library stay open?', 'Sam Patel', 'Sam Patel'],
      ['Sit down,', 'chairman', 'the chairman'],
    ]);
  });

  it('reads a verb and an adverb before the colon that opens the quote', () => {
    const text = 'Sam Patel said the ferry would close, and Ruth Okafor fired back forcefully: “It will not close while I am mayor.”';
    assert.deepStrictEqual(who(text), [['It will not close while I am mayor.', 'Ruth Okafor', 'Ruth Okafor']]);
  });

  it('skips a span of time opening the sentence to find its subject', () => {
    const text = 'Ruth Okafor toured the harbour. A month later, she paid a visit to the ferry and praised its “quiet courage”.';
    assert.deepStrictEqual(who(text), [['quiet courage', 'Ruth Okafor', 'she']]);
  });

  it('reads a pronoun with its verb in one word (`He’s`) as the pronoun, and `It’s` as no speaker', () => {
    const text = 'Sam Patel toured the harbour.\n\nHe’s said the same thing at every stop: “The ferry stays.”\n\nIt’s the pull of the “quiet courage” line.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc), [['The ferry stays.', 'Sam Patel', 'He’s']]);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => text.slice(n.range[0], n.range[1])), ['quiet courage']);
  });

  it('finds `he’s` as the subject of the cue that follows it, before an earlier clause’s name', () => {
    const text = 'Since Sam Patel announced his campaign last year, he’s said the same thing at every stop: “The ferry stays.”';
    assert.deepStrictEqual(who(text), [['The ferry stays.', 'Sam Patel', 'he’s']]);
  });

  it('reads `what it calls “…”` as a cue whose subject opens a clause after `what`', () => {
    const text = 'The Harbour Trust, a charity formed in 2019, sells what it calls “quiet courage” kits to ferry crews.';
    assert.deepStrictEqual(who(text).map(([quote, , mention]) => [quote, mention]), [['quiet courage', 'it']]);
  });

  it('gives a quote after `with NAME VERBing:` to that name', () => {
    const text = 'The crowd at the pier in Dover, Kent, cheered the crews on Saturday, with Ruth Okafor reportedly shouting: “Bring them home!”';
    assert.deepStrictEqual(who(text), [['Bring them home!', 'Ruth Okafor', 'Ruth Okafor']]);
  });

  it('gives a quote to `I` opening its sentence before `had` (`It had` opens none)', () => {
    const text = 'That is what Sam Patel wrote last week. I had to spend the weekend working out how to answer without saying, “This is the worst argument I have read.”';
    assert.deepStrictEqual(who(text).map(([quote, , mention]) => [quote, mention]), [['This is the worst argument I have read.', 'I']]);
  });

  it('reads an infinitive of communication before the opening colon (`are obliged to disclose: “…”`)', () => {
    const text = 'The ferry survey asks where each passenger lives. Passengers are obliged to disclose: “How often do you travel?”';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([quote, , mention]) => [quote, mention]), [['How often do you travel?', 'Passengers']]);
    // Read from the verb as a cue, not guessed as the sentence's subject.
    assert.strictEqual(doc.quotes[0].speaker?.cue.kind, 'verb');
  });

  it('keeps titles apart from names, and reads `was quoted as telling`', () => {
    const text = [
      'UK Trade Secretary Alan Brook met Lin Wei, China’s trade minister, on Monday.',
      'After the meeting, the Chinese trade minister was quoted as telling Mr Brook that both sides should “keep talking”.',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc), [['keep talking', 'Lin Wei', 'the Chinese trade minister']]);
    const speaker = doc.speakers[0];
    assert.ok(speaker.titles.includes('China’s trade minister'), JSON.stringify(speaker));
    assert.ok(speaker.aliases.includes('the Chinese trade minister'));
    assert.ok(!speaker.name.includes('minister'));
  });

  it('reads an apposition between the speaker and the verb, and a party label', () => {
    const text = '“We were not consulted,” Ann Lee, a councillor for the east ward, said on Friday.\n\n“It is a scandal,” Rep. Joe Hart (D-Ohio) said.';
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [['We were not consulted,', 'Ann Lee'], ['It is a scandal,', 'Joe Hart']]);
  });

  it('gives a quote alone in its paragraph to the previous speaker', () => {
    const text = '“The bridge will close,” the engineer Omar Said warned.\n\n“It is not safe for lorries.”\n\nTraffic was diverted.';
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [['The bridge will close,', 'Omar Said'], ['It is not safe for lorries.', 'Omar Said']]);
  });

  it('gives a quote in its own paragraph to the paragraph that introduces it with a colon', () => {
    const text = 'The county paper reported on Sunday:\n\n“Three schools will merge next year, and two will close.”';
    assert.deepStrictEqual(who(text), [['Three schools will merge next year, and two will close.', 'county paper', 'The county paper']]);
  });

  it('gives a partial quote without a speech verb to the subject of its sentence', () => {
    const text = 'Governor Mia Torres praised the volunteers as “the backbone of this state” on Sunday.';
    assert.deepStrictEqual(who(text), [['the backbone of this state', 'Mia Torres', 'Mia Torres']]);
  });

  it('attributes a tweet spanning two paragraphs once, as one statement', () => {
    const text = 'Opposition leader Kim Vale tweeted: "Not good enough.\n"Resign today."';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([q, name]) => [q, name]), [['Not good enough.', 'Kim Vale'], ['Resign today.', 'Kim Vale']]);
    assert.deepStrictEqual(doc.quotes.map((q) => q.statement), [0, 0]);
    assert.deepStrictEqual(doc.speakers.map((s) => s.quotes.a), [[0, 1]]);
  });

  it('resolves a pronoun to the most recent person of its gender, not to a place', () => {
    const text = 'Mr Hall met Mrs Grant in Leeds.\n\nLater, the talks in Leeds ended.\n\n“It went well,” she said.';
    assert.deepStrictEqual(who(text), [['It went well,', 'Mrs Grant', 'she']]);
  });

  it('gives a quote to the possessive before a speech noun: `Hale’s claim that …`', () => {
    const text = 'The mayor rejected Carla Hale’s claim that the budget was “balanced to the last penny”.';
    assert.deepStrictEqual(who(text), [['balanced to the last penny', 'Carla Hale', 'Carla Hale’s']]);
  });

  it('gives a reported quote to the source the article cites: `A said that B had called it “…”`', () => {
    const text = 'Ann Cole said that Mr Lee had called the plan “a disgrace to the whole town”.';
    assert.deepStrictEqual(who(text), [['a disgrace to the whole town', 'Ann Cole', 'Ann Cole']]);
  });

  it('resolves a pronoun to the last subject rather than a name in passing', () => {
    const text = 'Tom Reed spoke after meeting Luis Vega.\n\n“It was a fresh start for the valley,” he said.';
    assert.deepStrictEqual(who(text), [['It was a fresh start for the valley,', 'Tom Reed', 'he']]);
  });

  it('finds the subject of the first of two joined verbs: `X smiled and said`', () => {
    const text = 'Ruth Okafor smiled and said: “We will win the vote.”\n\nLater she nodded and added that it was “only the start”.';
    assert.deepStrictEqual(who(text), [['We will win the vote.', 'Ruth Okafor', 'Ruth Okafor'], ['only the start', 'Ruth Okafor', 'she']]);
  });

  it('attributes transcript lines to their labels', () => {
    const text = 'Partial transcript:\n\n"HOST: Will you run again?\n\n"SMITH: Not this year."';
    assert.deepStrictEqual(who(text), [['Will you run again?', 'HOST', 'HOST'], ['Not this year.', 'SMITH', 'SMITH']]);
  });

  it('does not take a noun for a verb: `a Hart tweet` is no attribution', () => {
    const text = 'The mayor described as “utterly unhinged” a Hart tweet about the budget.';
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [['utterly unhinged', 'mayor']]);
  });
});

describe('analyzeQuotes: what is not speech', () => {
  it('reads a title-case phrase after any possessive as a title of its owner, even beside a speech cue', () => {
    const text = 'On the channel’s “Sunday Harbour Hour,” Ms Doe said the ferry would run.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.quotes, []);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['Sunday Harbour Hour,', 'title']]);
  });

  it('keeps scare quotes, titles and nicknames out of the quotes and gives them no speaker', () => {
    const text = [
      'A so-called “peace plan” was published on Monday.',
      'The film “Harbour Lights” opens next week.',
      'Ella “Bobby” Moss runs the cafe.',
      'Critics say it is “unworkable”, and the council leader said it was “a plan with no money behind it”.',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [
      ['peace plan', 'scare'], ['Harbour Lights', 'title'], ['Bobby', 'scare'],
    ]);
    assert.deepStrictEqual(doc.quotes.map((q) => q.text), ['unworkable', 'a plan with no money behind it']);
  });

  it('treats short quoted words with no speech cue as scare quotes', () => {
    const doc = analyzeQuotes('The “reforms” changed little.');
    assert.deepStrictEqual(doc.quotes, []);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => n.kind), ['scare']);
  });

  it('keeps a short quoted term owned by a person as speech: `her “rainy-day fund”`', () => {
    const text = [
      'The mayor defended Ruth Okafor’s “rainy-day fund” at the meeting.',
      'Later Tom Reed spoke up for his “green corridor” plan.',
      'The bakery updated its “family recipe” cakes.',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.quotes.map((q) => q.text), ['rainy-day fund', 'green corridor']);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => text.slice(n.range[0], n.range[1])), ['family recipe']);
  });

  it('gives a characterisation `as a “…”` to the sentence, as a partial quote', () => {
    const text = 'Tom Reed has attacked the mayor as a “menace” and a “spent force” all week.';
    assert.deepStrictEqual(who(text).map(([words, speaker]) => [words, speaker]), [['menace', 'Tom Reed'], ['spent force', 'Tom Reed']]);
  });

  it('reads `as X put it` as attribution', () => {
    const text = 'The plan was costly. As the Harbour Gazette put it, “a bridge to nowhere.”';
    assert.deepStrictEqual(who(text), [['a bridge to nowhere.', 'Harbour Gazette', 'Harbour Gazette']]);
  });

  it('treats a single quoted word before its noun as a scare quote even when the sentence has a speech verb', () => {
    const text = 'The clinic sold “miracle” diets, the inspectors reported.\n\nShe said she would “never” agree to it.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['miracle', 'scare']]);
    assert.deepStrictEqual(doc.quotes.map((q) => q.text), ['never']);
  });

  it('treats a capitalised phrase right after a work noun as a title: `the agency’s study “Cold Water”`', () => {
    const text = [
      'Ms Fenn said the agency’s study “Cold Water” had been ignored for years.',
      'The charity’s campaign "Keep It Local" ran all summer, its director said.',
      'The report said the bridge was “unsafe for heavy lorries”.',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['Cold Water', 'title'], ['Keep It Local', 'title']]);
    assert.deepStrictEqual(doc.quotes.map((q) => q.text), ['unsafe for heavy lorries']);
  });

  it('reads a clause or several sentences after a work noun as speech, and a title after `titled` whatever it reads like', () => {
    const text = [
      'According to the newspaper, “the ferry has run at a loss for years. The council knew it.”',
      'The harbour program “is gaining and has gained ground lately,” Ms Fenn said.',
      'The wardens told local radio that “nobody should swim near the weir this week.”',
      'The council released a memo titled "Why the ferry must stop. And what comes next."',
      'Its newspaper “Harbour Lights” closed in May.',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.quotes.map((q) => q.text), [
      'the ferry has run at a loss for years. The council knew it.',
      'is gaining and has gained ground lately,',
      'nobody should swim near the weir this week.',
    ]);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [
      ['Why the ferry must stop. And what comes next.', 'title'], ['Harbour Lights', 'title'],
    ]);
  });

  it('reads a one-word quote that opens a sentence before its cue as speech, not a nickname: `. “Judge,” Brafman said`', () => {
    const text = 'He stood. “Judge,” Amos Brafman said, “I have never seen this.”\n\nRobert C. “Bobby” Scott nodded.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([words, speaker]) => [words, speaker]), [['Judge,', 'Amos Brafman'], ['I have never seen this.', 'Amos Brafman']]);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['Bobby', 'scare']]);
  });

  it('treats a capitalised name after an article as a title, even beside a speech verb', () => {
    const text = 'Ruth Okafor said she would attend a “Town Hall Forum” on Friday.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.quotes, []);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['Town Hall Forum', 'title']]);
  });
});

describe('analyzeQuotes: roles, appositions and introductions', () => {
  it('gives the quote to the name in apposition to a role, and keeps the role as a title: `the club’s head coach, Nora Vance, said`', () => {
    const text = '“We trained for this all winter,” the club’s head coach, Nora Vance, told the crowd after the final.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc), [['We trained for this all winter,', 'Nora Vance', 'Nora Vance']]);
    assert.ok(doc.speakers[0].titles.includes('club’s head coach'), `titles: ${doc.speakers[0].titles.join(', ')}`);
  });

  it('resolves a role without a title word to the person it was given to, in apposition or before the name', () => {
    const appositive = [
      'The lock keeper, Ivo Brandt, said the river had risen overnight. “The gates are holding,” he said.',
      '“Nobody should sail before noon,” the lock keeper said.',
    ].join('\n\n');
    assert.deepStrictEqual(who(appositive).map(([, name]) => name), ['Ivo Brandt', 'Ivo Brandt']);
    const prefixed = 'Lock keeper Ivo Brandt said the gates were holding.\n\n“Nobody should sail before noon,” the lock keeper added.';
    assert.deepStrictEqual(who(prefixed), [['Nobody should sail before noon,', 'Ivo Brandt', 'the lock keeper']]);
  });

  it('gives the quote to the name that opens a chain of appositions, not to the last one: `Ivo Brandt, 54, of Leeds, said`', () => {
    const text = [
      'Ivo Brandt, 54, of Ashby, Kent, said the river had reached “the top of the gates.”',
      'Ada Lind, the editor of the rowing club’s newsletter, The Oarsman, said every race was “a small war.”',
      'Of the plan, Nora Vance, who has rowed for years, said it was “a fine idea.”',
      'In Ashby, Tom Reed, a boatman, said the water was “too cold.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([, name]) => name), ['Ivo Brandt', 'Ada Lind', 'Nora Vance', 'Tom Reed']);
  });

  it('ends a name after a verb where `of` attaches a place or body to it, not in `Bank of Ashby`', () => {
    const text = '“The gates held,” said Ivo Brandt of the University of Ashby.\n\n“We lent the money,” said Bank of Ashby.';
    assert.deepStrictEqual(who(text), [['The gates held,', 'Ivo Brandt', 'Ivo Brandt'], ['We lent the money,', 'Bank of Ashby', 'Bank of Ashby']]);
  });

  it('takes only the determined noun phrase before an apposition as the role, not the verb before it', () => {
    const text = 'Reporters met the rowing club’s boatman, Ada Lind, on the pier. “We row at six,” said Ms Lind.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([, name]) => name), ['Ada Lind']);
    assert.deepStrictEqual(doc.speakers[0].titles, ['rowing club’s boatman']);
  });

  it('never takes a number-led phrase for a person, so the pronoun finds the person named before it', () => {
    const text = [
      'The ferry pilot, Aled Rhys, said the crossing was cancelled.',
      'About 3,000 passengers use the route every week.',
      '“We will sail again on Friday,” he said.',
    ].join(' ');
    assert.deepStrictEqual(who(text), [['We will sail again on Friday,', 'Aled Rhys', 'he']]);
  });

  it('keeps a weekday before a name out of the name and its aliases', () => {
    const text = 'On Friday Ms Quinlan said the depot would reopen. “The trucks are ready,” said Bea Quinlan.';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([, name]) => name), ['Bea Quinlan']);
    const speaker = doc.speakers[0];
    assert.ok(![...speaker.aliases, ...speaker.titles].some((a) => /Friday/.test(a)), `aliases: ${speaker.aliases.join(', ')}; titles: ${speaker.titles.join(', ')}`);
  });

  it('gives a multi-paragraph statement to the person the paragraph before it has read a statement, not to the previous speaker', () => {
    const text = [
      '“The roads are clear,” Tom Ashby tweeted.',
      'That evening Ms Okonjo read a statement to the volunteers outside the depot.',
      '“We have cleared every street in the ward.',
      '“We will be back tomorrow at dawn.”',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(who(text, doc).map(([, name, mention]) => [name, mention]), [
      ['Tom Ashby', 'Tom Ashby'], ['Ms Okonjo', 'Ms Okonjo'], ['Ms Okonjo', 'Ms Okonjo'],
    ]);
    assert.strictEqual(doc.quotes[1].statement, doc.quotes[2].statement);
  });

  it('makes a continued quotation with a cue of its own a quotation of its own, with that cue', () => {
    const text = [
      '“The roads are clear,” Tom Ashby said. “The gritters went out at four.',
      '“We will be back at dawn,” he added. “The depot stays open all night.',
      '“Nobody should drive unless they must.”',
    ].join('\n\n');
    const doc = analyzeQuotes(text);
    // The second paragraph's quotation continues the first paragraph's open one, but `he added` makes
    // it a quotation of its own; the third paragraph has no cue and continues the one before it.
    assert.deepStrictEqual(doc.quotes.map((q) => [q.text.slice(0, 14), q.statement]), [
      ['The roads are ', 0], ['The gritters w', 1], ['We will be bac', 2], ['The depot stay', 3], ['Nobody should ', 3],
    ]);
    assert.deepStrictEqual(who(text, doc).map(([, name]) => name), Array(5).fill('Tom Ashby'));
    assert.strictEqual(doc.quotes[2].speaker?.cue.kind, 'verb');
    assert.strictEqual(text.slice(...(doc.quotes[2].speaker?.cue.range as [number, number])), 'added');
  });

  it('keeps continuing the previous speaker when the paragraph in between introduces no statement', () => {
    const text = '“The roads are clear,” said Tom Ashby.\n\nSnow fell again overnight.\n\n“We will be back at dawn.”';
    assert.deepStrictEqual(who(text).map(([, name]) => name), ['Tom Ashby', 'Tom Ashby']);
  });
});

describe('analyzeQuotes: a hand-written article', () => {
  const text = fixture('harbour-a.txt');
  const doc = analyzeQuotes(text);

  it('finds each quote segment with its statement and speaker', () => {
    assert.deepStrictEqual(doc.quotes.map((q) => [q.text.slice(0, 24), q.statement, q.speaker?.name ?? null]), [
      ['gravely worried', 0, 'Elena Marsh'],
      ['The government has offer', 1, 'Elena Marsh'],
      ['We cannot allow the port', 2, 'Elena Marsh'],
      ['Every day of this disput', 2, 'Elena Marsh'],
      ['I have asked the harbour', 2, 'Elena Marsh'],
      ['too little, too late', 3, 'Tomas Reyes'],
      ['back to the cranes', 4, 'Port managers'],
    ]);
    for (const q of doc.quotes) assert.strictEqual(text.slice(q.range[0], q.range[1]), q.text);
  });

  it('lists each speaker once with its quotes, title and aliases', () => {
    const marsh = doc.speakers.find((s) => s.name === 'Elena Marsh');
    assert.ok(marsh);
    assert.deepStrictEqual(marsh.quotes, { a: [0, 1, 2, 3, 4], b: [] });
    assert.deepStrictEqual(marsh.titles, ['Harbour Minister']);
    assert.ok(marsh.aliases.includes('Ms Marsh'));
    assert.strictEqual(marsh.kind, 'person');
  });

  it('reads the same with CRLF line breaks, every offset shifted with the text', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const other = analyzeQuotes(crlf);
    assert.deepStrictEqual(other.quotes.map((q) => [q.text, q.speaker?.name]), doc.quotes.map((q) => [q.text, q.speaker?.name]));
    for (const q of other.quotes) assert.strictEqual(crlf.slice(q.range[0], q.range[1]), q.text);
  });
});

describe('analyzeQuotes: clause structure (issue 21)', () => {
  it('reads a verb chain, a verb opening the sentence, and a participle after `with`', () => {
    const text = [
      'The letter went on to say, “The pier will close in May.”',
      'Said Ruth Okafor, the harbour master: “We have no choice.”',
      'The council voted, with her deputy Sam Patel adding, “It is a sad day.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['The pier will close in May.', 'The letter'],
      ['We have no choice.', 'Ruth Okafor'],
      ['It is a sad day.', 'Sam Patel'],
    ]);
  });

  it('takes any verb as the cue in `“…,” NAME VERB` order, and an inverted verb of communication', () => {
    const text = '“Go home,” Ann Lee shrugged.\n\n“Not today,” the ferryman muttered.\n\n“Never,” retorted Joe Hart.\n\n“Why now?” she wondered aloud.';
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['Go home,', 'Ann Lee'], ['Not today,', 'the ferryman'], ['Never,', 'Joe Hart'], ['Why now?', 'she'],
    ]);
  });

  it('reads `“…” about X, said NAME`, a cue after a later quote of the sentence, and a cue on a headline-cased line', () => {
    const text = [
      '“We are thrilled” about the vote, said Maria Lopez.',
      'Ferries are “too slow” and “too dear,” Tom Baker told the meeting.',
      'Mayor Says Ferry Plan Is “Dead In The Water”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [
      ['We are thrilled', 'Maria Lopez'], ['too slow', 'Tom Baker'], ['too dear,', 'Tom Baker'], ['Dead In The Water', 'Mayor'],
    ]);
  });

  it('gives a relative clause’s quote to its pronoun, and a speech noun’s to its possessive', () => {
    const text = [
      'Ann Lee, who has long described the pier as “a death trap,” stayed away.',
      'Nobody heeded Joe Hart, or his warning that the town would “pay dearly.”',
      'From the ferry committee’s Facebook message: “See you at the pier.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, name, mention]) => [q, name, mention]), [
      ['a death trap,', 'Ann Lee', 'who'], ['pay dearly.', 'Joe Hart', 'his'], ['See you at the pier.', 'ferry committee', 'the ferry committee’s'],
    ]);
  });

  it('skips a dateline, a capitalised common word and a time span opening the sentence', () => {
    const text = [
      'Minutes passed before anyone spoke. The clerk checked the minutes.',
      'PORTLAND, Ore. - Ruth Okafor called the plan “a disgrace.”',
      'Minutes later, Joe Hart called it “a farce.”',
      'Thirteen years earlier, Ann Lee had called it “a dream.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [
      ['a disgrace.', 'Ruth Okafor'], ['a farce.', 'Joe Hart'], ['a dream.', 'Ann Lee'],
    ]);
  });

  it('gives each turn of a transcript quoted in one paragraph to its labelled speaker', () => {
    const text = 'The station aired the exchange:\n\n"HOST: Will the ferry run next year? MAYOR JANE DOE: It will run every day, and on Sundays too."';
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [['Will the ferry run next year?', 'HOST'], ['It will run every day, and on Sundays too.', 'JANE DOE']]);
  });

  it('reads no subject in a prepositional phrase or a time unit opening the sentence, even where the text never writes it in lower case', () => {
    const text = [
      'Hours later, Joe Hart wrote to the council, “The ferry stays.”',
      'Across the river, residents have been startled by Ann Lee’s “reckless” plan.',
      'Days after the vote, Ruth Okafor sent a note saying, “Done.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [['The ferry stays.', 'Joe Hart'], ['reckless', 'Ann Lee'], ['Done.', 'Ruth Okafor']]);
  });

  it('takes the speaker of a paragraph of reported speech, or of a signature line, for a quote standing alone', () => {
    const text = [
      '“The ferry is full,” said Ann Lee.',
      'Joe Hart said that for decades the town had waited for a bridge.',
      '“That is why we will build it.”',
      '“Nobody asked us.”',
      '- Ruth Okafor, Portland.',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, name]) => [q, name]), [
      ['The ferry is full,', 'Ann Lee'], ['That is why we will build it.', 'Joe Hart'], ['Nobody asked us.', 'Ruth Okafor'],
    ]);
  });

  it('reads an inverted verb before a description, a name as the addressee, and a description after a clause', () => {
    const text = [
      '“We will fight on,” read the statement.',
      '“Your work is amazing,” Ann Lee assured Hart, after the vote.',
      '“The court takes no view on the merits” of the case, the ruling said.',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['We will fight on,', 'the statement'], ['Your work is amazing,', 'Ann Lee'], ['The court takes no view on the merits', 'the ruling'],
    ]);
  });

  it('reads a description opening the sentence with a capitalised article, and speech-verb nouns as nouns', () => {
    const text = [
      'The ferry company has long opposed the bridge, arguing it is “a waste of public money.”',
      'The former secretary of state mocked the plan as “a bridge to nowhere.”',
      '“Traffic will double by 2030,” the report stated.',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['a waste of public money.', 'The ferry company'], ['a bridge to nowhere.', 'The former secretary of state'], ['Traffic will double by 2030,', 'the report'],
    ]);
  });

  it('looks past a short phrase between a subject and its verb', () => {
    const text = [
      'Ruth Okafor, who has in the past described the pier as “a death trap,” stayed away.',
      'Joe Hart in a statement called the plan “a farce.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['a death trap,', 'Ruth Okafor, who'], ['a farce.', 'Joe Hart'],
    ]);
    // An aside between dashes, and no inversion read into `said it was`.
    const aside = 'Ann Lee — who backed the plan — said it was “a win for everyone.”';
    assert.deepStrictEqual(who(aside).map(([q, , mention]) => [q, mention]), [['a win for everyone.', 'Ann Lee']]);
  });

  it('reads a description with a phrase after its noun, `in the words of`, and a verb with its particle before a colon', () => {
    const text = [
      '“It is over,” a senior aide to the mayor told the paper.',
      'A source familiar with the talks said they were “on track.”',
      'It was, in the words of one councillor, “a total mess.”',
      'The statement went on: “We will not rest.”',
    ].join('\n\n');
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [
      ['It is over,', 'a senior aide'], ['on track.', 'A source'], ['a total mess.', 'one councillor'], ['We will not rest.', 'The statement'],
    ]);
    // A name in apposition to the description that opens the sentence is the speaker.
    const apposed = '“We will win,” Ann Lee said.\n\nHer rival, Joe Hart, laughed off “the same old boast from the mayor.”';
    assert.deepStrictEqual(who(apposed).map(([q, name]) => [q, name]), [['We will win,', 'Ann Lee'], ['the same old boast from the mayor.', 'Joe Hart']]);
  });

  it('gives `another` its own words instead of the speaker before it', () => {
    const text = '“It is too late,” one resident said.\n\nAnother said the town had “lost its nerve.”';
    assert.deepStrictEqual(who(text).map(([q, , mention]) => [q, mention]), [['It is too late,', 'one resident'], ['lost its nerve.', 'Another']]);
  });

  it('records the cue each attribution rests on', () => {
    const text = '“We are ready,” Ann Lee said.\n\nAccording to the ferry company, “all boats run.”\n\n“Nobody asked us.”\n\nJoe Hart called the plan “a farce.”';
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(doc.quotes.map((q) => q.speaker && [q.speaker.cue.kind, q.speaker.cue.range && text.slice(...q.speaker.cue.range)]), [
      ['verb', 'said'], ['according-to', 'According to'], ['carried', 'According to'], ['verb', 'called'],
    ]);
  });
});
