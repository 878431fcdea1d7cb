// Starts code-server (the npm package ships a real VS Code 1.100.3: server, web workbench, Node extension
// host) headless on loopback, and Debian's chromium through playwright-core. Shared by the integration
// runner, the e2e runner and the demo. Several people may run these at once on one machine, so every run
// gets a free port and its own throwaway directories, and only ever signals the processes it started.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, openSync, closeSync, rmSync, readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const EXTENSION_ID = (() => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
})();

export function codeServerBin() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  return join(dirname(require.resolve('code-server/package.json')), 'out/node/entry.js');
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Asks the kernel for a free loopback port (a race with another process is possible but harmless: start fails loudly). */
export function freePort(preferred = 0) {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', (error) => (preferred ? freePort(0).then(res, rej) : rej(error)));
    srv.listen(preferred, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

/** Processes we started and must stop even if the script dies between start and stop. */
const liveGroups = new Set();
function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
process.on('exit', () => { for (const pid of liveGroups) killGroup(pid, 'SIGKILL'); });

/**
 * Ctrl-C, `timeout`, or the orchestrator's SIGTERM must still stop code-server: without a handler Node
 * dies at once and the `exit` hook above never runs. `cleanup` stops the browser etc. first.
 */
export function onInterrupt(cleanup) {
  let interrupted = false;
  const handler = async (signal) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping`);
    const force = setTimeout(() => process.exit(130), 10000);
    try { await cleanup(); } finally { clearTimeout(force); process.exit(130); }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
}

const defaultSettings = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/**
 * Starts code-server and waits for /healthz.
 * opts: workspace (folder to open) or workspaceFiles (project files copied into a fresh folder), vsix (installed with --install-extension before start),
 *       env (extra environment for server and extension host: object or (runDir) => object),
 *       settings (user settings), port (preferred), keepDir (keep the run dir for its server.log).
 * Returns { url, port, dir, pid, userDataDir, workspace, logPath, stop(), exited (promise of the exit code) }.
 */
export async function startCodeServer(opts) {
  const dir = mkdtempSync(join(opts.parentDir ?? tmpdir(), 'compare-sources-cs-'));
  const port = await freePort(opts.port ?? 0);
  const workspace = opts.workspaceFiles ? makeWorkspace(dir, opts.workspaceFiles) : resolve(opts.workspace);
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n'); // otherwise code-server writes ~/.config/code-server/config.yaml
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...opts.settings }, null, 2));
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const extra = typeof opts.env === 'function' ? opts.env(dir) : (opts.env ?? {});
  // TMPDIR: the extension host and git create vscode-*.sock files in os.tmpdir(); XDG_DATA_HOME: code-server
  // writes coder-logs/ and a heartbeat to ~/.local/share/code-server despite --user-data-dir.
  const env = { ...process.env, TMPDIR: dir, XDG_DATA_HOME: join(dir, 'xdg-data'), ...extra };
  const logPath = join(dir, 'server.log');
  if (opts.vsix) {
    await runToLog(process.execPath, [codeServerBin(), ...common, '--install-extension', resolve(opts.vsix), '--force'], env, logPath);
  }
  const log = openSync(logPath, 'a');
  const args = [codeServerBin(), ...common,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
    workspace];
  // detached: its own process group, so one signal reaches the server, its extension hosts and pty host.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  liveGroups.add(child.pid);
  let exited = false;
  const exitedPromise = new Promise((res) => child.on('exit', (code, signal) => { exited = true; res(code ?? signal); }));
  const url = `http://127.0.0.1:${port}`;

  async function stop() {
    if (!liveGroups.has(child.pid)) return;
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      const t = Date.now();
      while (!exited && Date.now() - t < 5000) await sleep(100);
    }
    killGroup(child.pid, 'SIGKILL'); // leftovers in the group outlive the wrapper (extension host, watchers)
    liveGroups.delete(child.pid);
    if (!opts.keepDir) rmSync(dir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) { await stop(); throw new Error(`code-server exited early:\n${tail(logPath)}`); }
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { const log = tail(logPath); await stop(); throw new Error(`code-server did not start:\n${log}`); }
    await sleep(100);
  }
  return { url, port, dir, pid: child.pid, userDataDir, workspace, logPath, stop, exited: exitedPromise };
}

function runToLog(cmd, args, env, logPath) {
  return new Promise((res, rej) => {
    const log = openSync(logPath, 'a');
    const p = spawn(cmd, args, { env, stdio: ['ignore', log, log] });
    closeSync(log);
    p.on('error', rej);
    p.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${args.slice(1, 2).join(' ')}… exited ${code}:\n${tail(logPath)}`))));
  });
}

export function tail(file, lines = 30) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Debian's chromium through playwright-core (never `playwright install`); each launch has a fresh profile.
 * XDG_CONFIG_HOME/XDG_CACHE_HOME: chromium's crash reporter and caches would otherwise write into ~/.config.
 */
export async function launchChromium() {
  const home = mkdtempSync(join(tmpdir(), 'compare-sources-chromium-'));
  const removeHome = () => rmSync(home, { recursive: true, force: true });
  process.on('exit', removeHome);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  browser.on('disconnected', () => { removeHome(); process.off('exit', removeHome); });
  return browser;
}

/** Workbench URL on a folder; `payload` is VS Code's web "Extension Development Host" mechanism. */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(resolve(folder))}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** vscode-remote URI of a server-side path (code-server's remote authority is host:port). */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${resolve(path)}`;
}

/**
 * Text of the extension host logs of this server. VS Code logs every activation there
 * ("ExtensionService#_doActivateExtension <id>, ..."), which is the only way to see from outside
 * that an installed extension really activated.
 */
export function extensionHostLog(server) {
  const root = join(server.userDataDir, 'logs');
  const found = [];
  const walk = (folder) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost\.log$/.test(name)) found.push(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return found.join('\n');
}

/** Waits for the extension's activation line in the extension host log; throws if activation failed or never came. */
export async function waitForActivation(server, timeoutMs = 20000, extensionId = EXTENSION_ID) {
  const id = extensionId.replace(/\./g, '\\.');
  const activated = new RegExp(`_doActivateExtension ${id}\\b.*`);
  const failed = new RegExp(`Activating extension '?${id}'? failed.*`, 'i');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = extensionHostLog(server);
    const failure = text.match(failed);
    if (failure) throw new Error(`extension failed to activate: ${failure[0]}`);
    const line = text.match(activated);
    if (line) return line[0].trim();
    if (Date.now() > deadline) throw new Error(`no activation of ${extensionId} in the extension host log after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Copies the sample articles into a throwaway workspace so the workbench never writes into examples/. */
function makeWorkspace(parentDir, files) {
  const folder = join(parentDir, 'workspace');
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file.split('/').pop()), readFileSync(join(PROJECT_ROOT, file)));
  return folder;
}
