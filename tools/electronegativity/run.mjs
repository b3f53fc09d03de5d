#!/usr/bin/env node
/**
 * The Electron security gate: runs electronegativity (installed in this folder, apart from the
 * app, because it needs its own old TypeScript) over the sources in electron/ and the built app in
 * out/, reads its SARIF reports, and fails on any finding that the reviewed allow-list
 * (allowlist.json, one reason per entry) does not justify, and on any allow-list entry that no
 * longer matches a finding (so the list cannot go stale). electronegativity itself exits 0 even
 * with findings, hence this runner.
 *
 *   node tools/electronegativity/run.mjs [--install]
 *
 * --install (what `npm run test:security` passes) first runs `npm ci --prefix tools/electronegativity`
 * when the pinned version is not installed there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const bin = join(here, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const TARGETS = ['electron', 'out'];

const fail = (message) => {
  console.error(`electronegativity gate: ${message}`);
  process.exit(1);
};

const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies['@doyensec/electronegativity'];
const installedVersion = () => {
  try {
    return JSON.parse(readFileSync(join(here, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8'))
      .version;
  } catch {
    return null;
  }
};
if (installedVersion() !== pinned && process.argv.includes('--install')) {
  console.log(`electronegativity gate: installing @doyensec/electronegativity ${pinned} in ${relative(root, here)}/`);
  const install = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0) fail(`npm ci --prefix ${relative(root, here)} failed (exit ${install.status}).`);
}
if (installedVersion() !== pinned || !existsSync(bin)) {
  fail(`@doyensec/electronegativity ${pinned} is not installed; run: npm ci --prefix ${relative(root, here)}`);
}
for (const target of TARGETS) {
  if (!existsSync(join(root, target))) fail(`${target}/ is missing (run \`npm run build\` first).`);
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** @type {{ entries: { check: string, file: string, contains?: string, reason: string }[] }} */
const allowlist = JSON.parse(readFileSync(join(here, 'allowlist.json'), 'utf8'));
for (const [index, entry] of allowlist.entries.entries()) {
  if (!entry.check || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
    fail(`allowlist.json entry ${index} needs a check, a file and a reason (a sentence, not a word).`);
  }
}

const globToRegExp = (glob) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);

function scan(target, outDir) {
  const output = join(outDir, `${target}.sarif`);
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [bin, '-i', join(root, target), '-o', output, '-r', '-v', 'false', '-e', electronVersion],
      { cwd: root, env: { ...process.env, LANG: 'en-US' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) => resolvePromise({ target, output, code, log }));
  });
}

/** The source line a finding points at (for the allow-list's `contains`). */
function lineOf(file, line) {
  try {
    return readFileSync(join(root, file), 'utf8').split('\n')[line - 1] ?? '';
  } catch {
    return '';
  }
}

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  const runs = await Promise.all(TARGETS.map((target) => scan(target, work)));
  const findings = [];
  for (const run of runs) {
    if (!existsSync(run.output)) fail(`the scan of ${run.target}/ wrote no report (exit ${run.code}):\n${run.log}`);
    const sarif = JSON.parse(readFileSync(run.output, 'utf8'));
    const [sarifRun] = sarif.runs ?? [];
    if (!sarifRun || sarifRun.invocations?.[0]?.executionSuccessful === false) {
      fail(`the scan of ${run.target}/ did not complete:\n${run.log}`);
    }
    for (const result of sarifRun.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      const global = !uri || uri === 'file:///' || uri === 'N/A';
      const file = global ? `${run.target}/` : `${run.target}/${uri.replace(/^file:\/\//, '')}`;
      const line = location?.region?.startLine ?? 0;
      findings.push({
        check: result.ruleId,
        file,
        line,
        text: global ? '' : lineOf(file, line),
        message: result.message?.text ?? '',
      });
    }
  }

  const used = new Set();
  const unjustified = [];
  for (const finding of findings) {
    const index = allowlist.entries.findIndex(
      (entry) =>
        entry.check === finding.check &&
        globToRegExp(entry.file).test(finding.file) &&
        (!entry.contains || finding.text.includes(entry.contains)),
    );
    if (index === -1) unjustified.push(finding);
    else used.add(index);
  }
  const stale = allowlist.entries.filter((_, index) => !used.has(index));

  console.log(
    `electronegativity ${JSON.parse(readFileSync(join(here, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8')).version}` +
      ` (Electron ${electronVersion}) over ${TARGETS.map((t) => `${t}/`).join(' and ')}: ` +
      `${findings.length} findings, ${findings.length - unjustified.length} justified by the allow-list.`,
  );
  for (const finding of unjustified) {
    console.error(`  UNJUSTIFIED ${finding.check} at ${finding.file}:${finding.line}: ${finding.message}`);
    if (finding.text) console.error(`      ${finding.text.trim().slice(0, 200)}`);
  }
  for (const entry of stale) {
    console.error(`  STALE allow-list entry ${entry.check} for ${entry.file}: it matches no finding any more; remove it.`);
  }
  if (unjustified.length || stale.length) {
    fail(
      `${unjustified.length} finding(s) not in tools/electronegativity/allowlist.json, ${stale.length} stale entr(y/ies). ` +
        'Fix the code, or add an entry with the reason it is safe.',
    );
  }
  console.log('electronegativity gate: passed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
