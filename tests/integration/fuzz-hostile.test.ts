/**
 * Random input at every door: JSON, strings and bytes at every web-host API method (over HTTP),
 * random arguments to every CLI command (runCli, in this process: the same code the spawned CLI
 * runs, without a slow process per case), random files to the state import and the dataset
 * loader. Nothing crashes, every refusal says what is wrong, and a refusal changes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { API_METHODS } from '../../electron/contract/api';
import { DatasetError, parseDataset } from '../../electron/core/dataset';
import { runCli } from '../../electron/node/cli/main';
import { commands } from '../../electron/node/cli/commands';
import { bundledMilestones, milestonesFromFile } from '../../electron/node/milestones-source';
import { exportStateJson, importStateIntoStore, StateImportError } from '../../electron/node/state-transfer';
import { startInProcessWebHost, type InProcessWebHost } from '../support/web-host-server';

const dataset = bundledMilestones();
const datasetIds = new Set(dataset.map((m) => m.id));

/** Random JSON values, strings and byte sequences as request bodies or file contents. */
const anyBody = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.record({ content: fc.string() }).map((v) => JSON.stringify(v)),
);

let host: InProcessWebHost;
beforeAll(async () => {
  host = await startInProcessWebHost();
});
afterAll(() => host.close());
const storeText = () => readFileSync(host.store.path, 'utf8');

describe('fuzz', () => {
  it('the web host answers any body at any API method with 2xx or a 4xx that says why', async () => {
    const methods = [...API_METHODS, 'nope', '__proto__', 'constructor'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), anyBody, async (method, body) => {
        const before = storeText();
        const reply = await host.invoke(method, body);
        expect([200, 400, 404, 413]).toContain(reply.status);
        const result = JSON.parse(reply.body) as { ok: boolean; error?: { message: string } };
        expect(result.ok).toBe(reply.status === 200);
        if (!result.ok) {
          expect(result.error!.message.length).toBeGreaterThan(5);
          expect(storeText()).toBe(before);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('the state import refuses any bad file with a clear error and leaves the store alone', () => {
    const good = JSON.parse(exportStateJson(host.store.read(), new Date())) as Record<string, unknown>;
    const mutated = fc
      .record({
        key: fc.constantFrom('format', 'version', 'exportedAt', 'appVersion', 'state'),
        value: fc.jsonValue(),
      })
      .map(({ key, value }) => JSON.stringify({ ...good, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(anyBody, mutated), (content) => {
        const before = storeText();
        const text = typeof content === 'string' ? content : content.toString('utf8');
        try {
          importStateIntoStore(host.store, text, new Date(), datasetIds);
        } catch (error) {
          expect(error).toBeInstanceOf(StateImportError);
          expect((error as Error).message).toMatch(/Nothing was changed|Pick a file|Update the app/);
          expect(storeText()).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the dataset loader refuses any bad dataset with a DatasetError naming the place', () => {
    const dir = join(host.dataDir, '..', 'datasets');
    mkdirSync(dir, { recursive: true });
    const entry = fc
      .record({
        index: fc.nat(dataset.length - 1),
        key: fc.constantFrom(...Object.keys(dataset[0]!)),
        value: fc.jsonValue(),
      })
      .map(({ index, key, value }) => [{ ...dataset[index]!, [key]: value }]);
    fc.assert(
      fc.property(
        fc.oneof(
          anyBody,
          entry.map((v) => JSON.stringify(v)),
        ),
        (content) => {
          const file = join(dir, 'x.json');
          writeFileSync(file, content);
          try {
            milestonesFromFile(file);
          } catch (error) {
            expect(error).toBeInstanceOf(DatasetError);
            expect((error as Error).message).toMatch(/not valid JSON|not a valid Compass milestones file/);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(() => parseDataset(null)).toThrow(DatasetError);
  });

  it('every CLI command answers random arguments with a result or a clear error (status 1 or 2)', async () => {
    const tmp = join(host.dataDir, '..', 'cli');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'garbage.json'), '\uFEFF{"format":');
    writeFileSync(join(tmp, 'dataset.json'), JSON.stringify([{ ...dataset[0]!, due: null }]));
    const file = fc.oneof(
      fc.constantFrom('-', '', tmp, join(tmp, 'garbage.json'), join(tmp, 'dataset.json'), '/nonexistent/x'),
      fc.stringMatching(/^[a-z0-9._-]{1,12}$/).map((name) => join(tmp, name)),
    );
    const flags = Object.values(commands).flatMap((c) => Object.keys(c.options));
    const word = fc.oneof(
      fc.constantFrom(...flags.map((f) => `--${f}`), '--json', '--help', '--bogus', '-x', '--'),
      fc.constantFrom(...dataset.slice(0, 3).map((m) => m.id), 'achieved', 'planned', 'bogus', 'md', 'nl'),
      fc.constantFrom('2025-06-01', '2025-02-30', '9999-12-31', '0', '-1', '99999999999', 'act,secure'),
      fc.string({ maxLength: 20 }),
      file,
    );
    const argv = fc.tuple(
      fc.constantFrom(...Object.keys(commands), 'nope'),
      fc.array(word, { maxLength: 6 }),
    );
    // A random word taken as a file name (an export's positional FILE) lands in the temporary
    // folder, never in the checkout.
    const cwd = process.cwd();
    process.chdir(tmp);
    onTestFinished(() => process.chdir(cwd));
    await fc.assert(
      fc.asyncProperty(argv, async ([name, args]) => {
        // Paths only inside the temporary folder; serve-feed never stays listening.
        const safe = args.map((a, i) =>
          args[i - 1] === '--out' || args[i - 1] === '--milestones' ? join(tmp, a.replace(/[/\\]/g, '_')) : a,
        );
        const extra = name === 'serve-feed' ? ['--host', '192.0.2.1'] : [];
        const before = storeText();
        const err: string[] = [];
        const code = await runCli([name, ...safe, ...extra, '--data-dir', host.dataDir], {
          out: () => {},
          err: (text) => err.push(text),
        });
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) {
          expect(err.join('\n')).toMatch(/^Error: \S/m);
          expect(storeText()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
