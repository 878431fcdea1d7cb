// "Install what is missing", shared by `npm test` and `npm run demo`: the Debian packages the tests and
// code-server's native modules need, then node_modules from package-lock.json. Does nothing (in well under
// a second) when everything is in place, so both commands stay fast on a second run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Debian package → a file it installs, for machines without dpkg (then we can only check, not install). */
export const systemPackages = {
  'libkrb5-dev': '/usr/include/krb5.h', // code-server's `kerberos` addon links -lkrb5 -lgssapi_krb5
  ripgrep: '/usr/bin/rg', // seeds @vscode/ripgrep, whose postinstall would download rg from GitHub
  chromium: '/usr/bin/chromium', // the browser playwright-core drives (never `playwright install`)
};

function missingSystemPackages() {
  const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  return Object.entries(systemPackages).filter(([name, file]) => {
    if (!hasDpkg) return !existsSync(file);
    const status = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
    return status.stdout.trim() !== 'installed';
  }).map(([name]) => name);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: PROJECT_ROOT, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Installs missing Debian packages as root; otherwise explains the one command to run and fails. */
export function ensureSystemPackages(log = console.log) {
  const missing = missingSystemPackages();
  if (missing.length === 0) return false;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')}\nrun:  sudo apt-get update && sudo ${line}\nthen run the command again.`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', line.split(' ').slice(1), { env });
  return true;
}

/**
 * Why node_modules does not match package-lock.json, or null when it does. npm's own record of what it
 * installed (node_modules/.package-lock.json) is compared with the lockfile; optional packages for other
 * platforms are never installed, so they do not count. code-server's postinstall runs a second install
 * inside the package; a missing rg binary there means it did not finish.
 */
export function nodeModulesProblem() {
  const installed = join(PROJECT_ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  const wanted = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')).packages;
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.optional || entry.link) continue;
    if (have[path]?.version !== entry.version) return `${path} ${have[path]?.version ?? 'missing'}, lockfile wants ${entry.version}`;
  }
  const rg = join(PROJECT_ROOT, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  if (!existsSync(rg)) return "code-server's own install (lib/vscode) did not complete";
  // The stub seed-ripgrep.sh leaves when rg was not installed yet: Quick Open would find no file.
  if (statSync(rg).size < 1024 && existsSync(systemPackages.ripgrep)) return "code-server's rg is a stub from an install before ripgrep was";
  return null;
}

/** Returns a short description of what was done, for the stage report. */
export function ensureInstalled(log = console.log) {
  const installedSystem = ensureSystemPackages(log);
  const problem = nodeModulesProblem();
  if (!problem) return installedSystem ? 'system packages installed; node_modules up to date' : 'everything up to date';
  log(`node_modules needs installing (${problem}): scripts/ci-install.sh`);
  run('sh', [join(PROJECT_ROOT, 'scripts', 'ci-install.sh')]);
  const after = nodeModulesProblem();
  if (after) throw new Error(`npm ci finished but node_modules still does not match: ${after}`);
  return 'installed node_modules';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureInstalled());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
