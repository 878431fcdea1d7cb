/**
 * The V8 flags the CLI sets on itself, in one place: the code cache (codeCache.ts) is only accepted
 * by a process whose flags are those it was made with, so the launcher sets the starting flags before
 * it compiles the program, and puts back any that the run changed before it saves the code.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const setFlags = (flags: string): void => (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);

/**
 * Has V8 grow the heap by at most half the live data after each full collection (its default
 * allows up to four times). A comparison makes much short-lived data at the end, when the model is
 * largest, and on quote-dense text the default let the peak grow by half for a little CPU saved.
 * Set once, before any work, for the process and its quote thread.
 */
export function boundHeapGrowth(): void {
  setFlags('--heap-growing-percent=50');
}

/**
 * For `find`: has V8's optimising compiler (TurboFan) wait for eight times the usual work in a
 * function before it optimises it. A query runs everything briefly (a stat per file, a few
 * comparisons), and with the default budget TurboFan optimises functions the rest of the query never
 * repays. Long work, the first build of an index, still has its loops optimised. Set by the
 * launcher before the program is compiled, like `boundHeapGrowth`, so that the code cache holds.
 */
export function delayOptimisingCompiler(): void {
  setFlags('--interrupt-budget=1048576');
}

/**
 * Has V8 optimise a hot function on the thread that runs it, rather than on a compiler thread while
 * the function runs on unoptimised meanwhile. `passages` spends its time in a few long loops
 * (the tokenizer, the seed table), each run once, cold: on a busy machine the compiler thread waited
 * for a core while the loop crawled on in the interpreter, and on any machine that crawl is CPU
 * the optimised code would not have spent.
 */
export function optimiseOnThisThread(): void {
  setFlags('--no-concurrent-osr --no-concurrent-recompilation');
}

/**
 * The flags a process of `command` starts with: `boundHeapGrowth`, except for `compare`, whose quote
 * thread must boot before any flag changes: Node refuses its own cache of its internals under other
 * flags, and compiling them afresh made the thread start later, on the comparison's critical path.
 * For `compare`, whichever thread analyses the quotes sets them (`tuneForQuoteAnalysis`). `passages`
 * also `optimiseOnThisThread`.
 */
export function setStartingFlags(command: string | undefined): void {
  if (command !== 'compare') boundHeapGrowth();
  if (command === 'passages') optimiseOnThisThread();
}

/**
 * What a thread does before it analyses quotes: `boundHeapGrowth` (the launcher leaves it to this for
 * `compare`) and `lightenOptimisingCompiler`. V8's flags are the whole process's, so the quote
 * thread calls it once it has booted, and the main thread when it analyses the quotes itself.
 */
export function tuneForQuoteAnalysis(): void {
  boundHeapGrowth();
  lightenOptimisingCompiler();
}

/**
 * Makes V8's optimising compiler (TurboFan) do less for the rest of this process (no inlining, no
 * loop peeling, no escape analysis): quote analysis is a lot of code that a CLI process runs once,
 * cold, and those passes cost more on the shared cores than the faster code then saves.
 *
 * Called before the quote analysis is compiled but not before a worker starts, because a worker
 * that boots after the change compiles Node's cached internals afresh; the quote thread calls it
 * itself once it runs. node:v8 is loaded here because `passages` never needs it.
 */
export function lightenOptimisingCompiler(): void {
  setFlags('--no-turbo-inlining --no-turbo-loop-peeling --no-turbo-escape');
}

/**
 * Puts back the flags that `setStartingFlags(command)` started with, where `tuneForQuoteAnalysis` (on
 * either thread) changed them: V8 refuses a code cache made under other flags than its own, and
 * flags back at their starting values count as unchanged. Called by the launcher as the process
 * exits, before it saves the program's code; the quote thread, if it is still saving its own, may
 * then save one that its next start refuses (and saves again).
 */
export function restoreStartingFlags(command: string | undefined): void {
  setFlags(command === 'compare' ? '--heap-growing-percent=0' : '--heap-growing-percent=50');
  setFlags(`--turbo-inlining --turbo-loop-peeling --turbo-escape --max-inlined-bytecode-size-cumulative=${DEFAULT_INLINED_BYTECODE_CUMULATIVE}`);
  // (`find` starts with its own budget, `delayOptimisingCompiler`.)
  if (command !== 'find') restoreInterruptBudget();
}

/** Quote analysis of up to this many characters (about 1.2 MB of text per side of a comparison) is brief work for `delayOptimisingCompilerForQuotes`. */
export const BRIEF_QUOTE_WORK_CHARS = 2_500_000;

/** Quote analysis of up to this many characters (about 50 KB of text per side of a comparison) is short work, likewise. */
export const SHORT_QUOTE_WORK_CHARS = 100_000;

/** V8's own bound on the bytecode TurboFan inlines into one function (Node 20's), which the flags are put back to. */
const DEFAULT_INLINED_BYTECODE_CUMULATIVE = 920;

/** V8's own interrupt budget (Node 20's), which the flags are put back to. */
const DEFAULT_INTERRUPT_BUDGET = 67584;

/**
 * Before analysing the quotes of `chars` characters of text, up to BRIEF_QUOTE_WORK_CHARS: has
 * TurboFan wait for eight times the usual work in a function before it optimises it (32 times up to
 * SHORT_QUOTE_WORK_CHARS), for the rest of this process (until `restoreInterruptBudget`). Such a run
 * passes briefly through most of the analysis's many functions, and optimising them all cost the
 * compiler's threads more CPU than the faster code then saved, the more so the shorter the text; on
 * longer texts the analysing thread's own time grows more than the compilers' shrinks, and the
 * default stays.
 */
export function delayOptimisingCompilerForQuotes(chars: number): void {
  if (chars <= BRIEF_QUOTE_WORK_CHARS) setFlags(`--interrupt-budget=${(chars <= SHORT_QUOTE_WORK_CHARS ? 32 : 8) * DEFAULT_INTERRUPT_BUDGET}`);
}

/** Passages of up to this many characters (both texts together, about 2.5 MB a side) are brief work for `delayOptimisingCompilerForPassages`. */
export const BRIEF_PASSAGES_CHARS = 5_000_000;

/** Passages of up to this many characters (about 100 KB a side) are short work, likewise. */
export const SHORT_PASSAGES_CHARS = 200_000;

/**
 * Before `passages` of `chars` characters, up to BRIEF_PASSAGES_CHARS: has TurboFan wait for four
 * times the usual work in a function before it optimises it (16 times up to SHORT_PASSAGES_CHARS),
 * for the rest of this process (until `restoreInterruptBudget`). With `optimiseOnThisThread` every
 * optimisation is paid on the thread, and the passage finder's many short loops (sorting a few
 * thousand chains, each chain's steps) were optimised for work they had nearly done; its long loops
 * still are.
 */
export function delayOptimisingCompilerForPassages(chars: number): void {
  if (chars <= BRIEF_PASSAGES_CHARS) setFlags(`--interrupt-budget=${(chars <= SHORT_PASSAGES_CHARS ? 16 : 4) * DEFAULT_INTERRUPT_BUDGET}`);
  if (chars > SHORT_PASSAGES_CHARS) lightenOptimisingCompilerForPassages();
}

/**
 * Before `passages` of more than SHORT_PASSAGES_CHARS: has TurboFan skip escape analysis and loop
 * peeling and inline half its usual bytecode into a function, for the rest of this process (until
 * `restoreStartingFlags`). The passage finder's hot functions are compiled on the thread
 * (`optimiseOnThisThread`), once each, and the largest (the extension's steps) are slow to compile;
 * less compiled work costs less than the slightly slower code then spends. Unlike
 * `lightenOptimisingCompiler` it keeps inlining, which the tokenizer's and seed table's loops need.
 */
function lightenOptimisingCompilerForPassages(): void {
  setFlags(`--no-turbo-escape --no-turbo-loop-peeling --max-inlined-bytecode-size-cumulative=${DEFAULT_INLINED_BYTECODE_CUMULATIVE / 2}`);
}

/** Puts the interrupt budget back at V8's default, as a code cache made before `delayOptimisingCompilerForQuotes` needs it. */
export function restoreInterruptBudget(): void {
  setFlags(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
}

