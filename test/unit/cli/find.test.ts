import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareTexts } from '../../../src/core/compare';
import { ArticleWriter, plant } from '../core/archive/archiveFixture';
import { runCli as run } from './runCli';

interface Listed {
  file: string;
  shareOfArticle: number;
  shareOfMatch: number;
  passages: number;
}

describe('compare-sources find', () => {
  let dir: string;
  let archive: string;
  const writer = new ArticleWriter(31);
  const texts = new Map<string, string>();
  const write = (relative: string, content: string | Uint8Array): string => {
    const at = path.join(dir, relative);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.writeFileSync(at, content);
    if (typeof content === 'string') texts.set(at, content);
    return at;
  };
  const find = (...argv: string[]) => {
    const result = run('find', ...argv);
    return { ...result, matches: result.code === 0 && argv.includes('--json') ? (JSON.parse(result.stdout) as { matches: Listed[] }).matches : [] };
  };
  let article: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-find-'));
    archive = path.join(dir, 'archive');
    for (let k = 0; k < 30; k++) write(`archive/${k < 15 ? 'wire' : 'local'}/story${k}.txt`, writer.article(200 + writer.integer(200)));
    const source = (k: number) => texts.get(path.join(archive, k < 15 ? 'wire' : 'local', `story${k}.txt`))!;
    let text = writer.article(300);
    text = plant(text, source(4).split('\n\n')[0], 1);
    text = plant(text, source(20).split('\n\n')[1] ?? source(20), 3);
    article = write('article.txt', text);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract: the archive files sharing text, best first, with the pair comparison’s figures', () => {
    const { code, stderr, matches } = find(article, archive, '--json');
    assert.strictEqual(code, 0, stderr);
    assert.strictEqual(stderr, '');
    assert.deepStrictEqual(matches.map((match) => match.file).sort(), [path.join(archive, 'local', 'story20.txt'), path.join(archive, 'wire', 'story4.txt')]);
    for (const match of matches) {
      assert.deepStrictEqual(Object.keys(match), ['file', 'shareOfArticle', 'shareOfMatch', 'passages']);
      const comparison = compareTexts({ name: 'a', text: texts.get(article)! }, { name: 'b', text: texts.get(match.file)! });
      assert.strictEqual(match.shareOfArticle, comparison.a.stats.share);
      assert.strictEqual(match.shareOfMatch, comparison.b.stats.share);
      assert.strictEqual(match.passages, comparison.passages.length);
    }
    assert.ok(matches[0].shareOfArticle >= matches[1].shareOfArticle);
  });

  it('prints {"matches":[]} and exits 0 when nothing matches', () => {
    const lone = write('lone.txt', new ArticleWriter(777).article(300));
    const result = find(lone, archive, '--json');
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stdout, '{"matches":[]}\n');
  });

  it('does not list the article itself when it lies in the folder', () => {
    const inside = path.join(archive, 'wire', 'story4.txt');
    const { matches } = find(inside, archive, '--json');
    assert.ok(!matches.some((match) => match.file === inside));
    // Through another spelling of the same path too.
    const { matches: again } = find(path.join(archive, 'local', '..', 'wire', 'story4.txt'), archive, '--json');
    assert.ok(!again.some((match) => path.resolve(match.file) === inside));
  });

  it('lists at most --top files', () => {
    const copies = texts.get(article)!;
    for (let k = 0; k < 5; k++) write(`archive/copies/copy${k}.txt`, `${copies}\n\n${writer.article(50 * (k + 1))}`);
    assert.strictEqual(find(article, archive, '--json').matches.length, 7);
    assert.deepStrictEqual(find(article, archive, '--json', '--top', '2').matches.map((match) => path.basename(match.file)), ['copy0.txt', 'copy1.txt']);
    assert.strictEqual(find(article, '--top=3', archive, '--json').matches.length, 3);
  });

  it('searches text and Markdown files in subfolders, not hidden ones, other files or node_modules', () => {
    const paragraph = texts.get(article)!.split('\n\n')[0];
    write('archive/notes.md', `# Notes\n\n${paragraph}\n`);
    write('archive/.hidden/copy.txt', paragraph);
    write('archive/node_modules/copy.txt', paragraph);
    write('archive/data.json', JSON.stringify({ paragraph }));
    const files = find(article, archive, '--json').matches.map((match) => path.relative(archive, match.file));
    assert.ok(files.includes('notes.md'));
    assert.ok(!files.some((file) => file.includes('hidden') || file.includes('node_modules') || file.endsWith('.json')), files.join());
  });

  it('reads web pages and Markdown by their article text, listing the figures compare gives for the pair', () => {
    const [first, , third] = texts.get(article)!.split('\n\n');
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const page = write('archive/site/page.html', `<!doctype html><html><head><title>Wire</title><script>var tracking = "${first}";</script></head>`
      + `<body><nav>Home | World | Sport</nav><article><h1>Council news</h1><p>${escaped(first).replace(/ (\S+) /, ' <em>$1</em> ')}</p><p>${escaped(writer.article(80))}</p></article>`
      + '<footer>All rights reserved</footer></body></html>');
    const note = write('archive/notes/note.md', `---\ntitle: notes\n---\n\n# Notes\n\n> ${third}\n\n[a link](https://example.com/${first.split(' ').join('-')})\n`);
    const { matches } = find(article, archive, '--json');
    for (const file of [page, note]) {
      const match = matches.find((listed) => listed.file === file);
      assert.ok(match, `${file} not among ${matches.map((listed) => listed.file).join(', ')}`);
      const compared = JSON.parse(run('compare', article, file, '--json').stdout) as { a: { stats: { share: number } }; b: { stats: { share: number } }; passages: unknown[] };
      assert.strictEqual(match.shareOfArticle, compared.a.stats.share, file);
      assert.strictEqual(match.shareOfMatch, compared.b.stats.share, file);
      assert.strictEqual(match.passages, compared.passages.length, file);
    }
    // Read as plain text, the page's script would hold the paragraph a second time.
    const asText = JSON.parse(run('compare', article, page, '--json', '--input-format', 'text').stdout) as { passages: unknown[] };
    assert.strictEqual(matches.find((listed) => listed.file === page)!.passages, 1);
    assert.strictEqual(asText.passages.length, 2);
  });

  it('makes the index on the first run, then keeps it up to date: changed, added and deleted files', () => {
    const indexFile = path.join(dir, 'sources.idx');
    const first = find(article, archive, '--json', '--index', indexFile);
    assert.ok(fs.existsSync(indexFile));
    assert.strictEqual(first.matches.length, 2);

    const saved = fs.statSync(indexFile).mtimeMs;
    assert.deepStrictEqual(find(article, archive, '--json', '--index', indexFile).matches, first.matches);
    assert.strictEqual(fs.statSync(indexFile).mtimeMs, saved, 'an index with nothing to update is not written again');

    // story4 loses the planted paragraph; a new file gets it; story20 goes.
    const story4 = path.join(archive, 'wire', 'story4.txt');
    write('archive/wire/story4.txt', writer.article(300));
    fs.utimesSync(story4, new Date(), new Date(Date.now() + 5000));
    const copied = write('archive/new/copied.txt', texts.get(article)!.split('\n\n')[1]);
    fs.rmSync(path.join(archive, 'local', 'story20.txt'));
    const later = find(article, archive, '--json', '--index', indexFile);
    assert.deepStrictEqual(later.matches.map((match) => match.file), [copied]);
    assert.strictEqual(later.stderr, '');
  });

  it('makes the index again, with a warning, when it belongs to another folder or is damaged', () => {
    const indexFile = path.join(dir, 'sources.idx');
    find(article, archive, '--json', '--index', indexFile);
    const other = path.join(archive, 'wire');
    const moved = find(article, other, '--json', '--index', indexFile);
    assert.match(moved.stderr, /was made for another folder/);
    assert.deepStrictEqual(moved.matches.map((match) => path.basename(match.file)), ['story4.txt']);

    fs.writeFileSync(indexFile, 'not an index at all, just some text');
    const damaged = find(article, archive, '--json', '--index', indexFile);
    assert.match(damaged.stderr, /cannot be used/);
    assert.strictEqual(damaged.matches.length, 2);
    assert.strictEqual(find(article, archive, '--json', '--index', indexFile).stderr, '');
  });

  it('reads a readable report, with names that cannot drive the terminal', () => {
    const odd = write('archive/odd\u001b[31mname.txt', texts.get(article)!.split('\n\n')[1]);
    const { code, stdout } = run('find', article, archive);
    assert.strictEqual(code, 0);
    assert.match(stdout, /^Sources of .*article\.txt, best first \(searched 31 files in /);
    assert.match(stdout, /\d+% of the article · \d+% of it · 1 passage\n/);
    assert.ok(stdout.includes('odd\\x1b[31mname.txt') && !stdout.includes('\u001b'), stdout);
    assert.ok(fs.existsSync(odd));
    const none = run('find', write('lone.txt', new ArticleWriter(5).article(100)), archive);
    assert.match(none.stdout, /^No file shares a passage of 6 words or more with .*lone\.txt \(searched 31 files in .*\)\.\n$/);
  });

  it('warns of files it cannot search, and still searches the rest', () => {
    write('archive/binary.txt', Uint8Array.from([1, 2, 0, 3]));
    const result = find(article, archive, '--json');
    assert.strictEqual(result.code, 0);
    assert.match(result.stderr, /warning: 1 file not searched: binary\.txt \(binary file/);
    assert.strictEqual(result.matches.length, 2);
  });

  it('refuses what it cannot do, with a usage message', () => {
    assert.strictEqual(run('find', article).code, 2);
    assert.match(run('find', article, path.join(archive, 'wire', 'story1.txt')).stderr, /is not a folder/);
    assert.match(run('find', article, path.join(dir, 'nowhere')).stderr, /no such folder/);
    assert.match(run('find', article, archive, '--top', '0').stderr, /--top needs a positive whole number/);
    assert.match(run('find', article, archive, '--index=').stderr, /--index needs a file name/);
    assert.match(run('find', article, archive, '--index').stderr, /option --index needs a value/);
    const compare = run('compare', article, article, '--top', '3');
    assert.strictEqual(compare.code, 2);
    assert.match(compare.stderr, /--top is an option of find/);
    assert.match(run('--help').stdout, /compare-sources find ARTICLE DIR/);
  });
});
