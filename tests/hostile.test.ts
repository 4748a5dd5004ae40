// A reviewer's folder of nasty files, run through the built CLI: nothing crashes, hangs, prints a stack trace,
// or lets plan text steer the terminal or the spreadsheet.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum } from '../src/plan/checksum.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'plan-hostile-'));

function plan(args: string[]) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', timeout: 20000, env: { ...process.env, PLAN_NO_CACHE: '1', NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: '80' },
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status, seconds: (Date.now() - started) / 1000 };
}

/** The files of a cache directory: one folder per install, entries inside. */
const cacheFiles = (root: string) => readdirSync(root).flatMap((install) => readdirSync(path.join(root, install)).map((f) => path.join(root, install, f)));

const minimal = readFileSync(fixturePath('minimal-plan.yaml'), 'utf8');
const withText = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, minimal.replace('text: 开展电梯安全监管。', `text: ${JSON.stringify(text)}`));
  return file;
};

describe('broken plan files end with exit 3, a short message and no stack, quickly', () => {
  const huge = path.join(dir, 'huge.yaml');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 65 * 1024 * 1024);
  closeSync(fd);

  it.each([
    { name: 'a file over 64 MB', file: huge, message: /huge\.yaml is 65 MB; a plan file may be at most 64 MB/ },
    { name: 'an endless device', file: '/dev/zero', message: /\/dev\/zero is a character device, not a plan file/ },
    { name: 'an alias bomb', file: fixturePath('broken/alias-bomb.yaml'), message: /cannot expand YAML aliases/ },
    { name: 'binary junk', file: fixturePath('broken/binary.yaml'), message: /is not a text file/ },
    // A folder is a folder of plans (SPEC "Many plans"); one with none is refused.
    { name: 'a folder with no plan file', file: mkdtempSync(path.join(dir, 'empty-')), message: /the folder .*empty-\w+ has no plan file \(\*\.yaml or \*\.yml\)/ },
    { name: 'an empty file', file: fixturePath('broken/empty.yaml'), message: /is empty/ },
    { name: 'wrong types', file: fixturePath('broken/wrong-type.yaml'), message: /wrong-type\.yaml:13:14: section of task 1 must be a whole number from 1/ },
    { name: '__proto__ keys', file: fixturePath('broken/proto-key.yaml'), message: /proto-key\.yaml:7:5: unknown key "__proto__"/ },
  ])('$name', ({ file, message }) => {
    const run = plan(['tasks', '--plan', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.seconds).toBeLessThan(10);
  });
});

describe('caches', () => {
  it('are not used in a directory others can write, where someone could plant other answers', () => {
    const shared = path.join(dir, 'shared-cache');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    const file = fixturePath('small-plan.yaml');
    const run = (cache: string) => spawnSync(process.execPath, [BIN, 'tasks', '--json', '--plan', file], { encoding: 'utf8', env: { ...process.env, PLAN_NO_CACHE: undefined, PLAN_CACHE_DIR: cache } });
    expect(run(shared).status).toBe(0);
    expect(readdirSync(shared)).toEqual([]);
    const own = path.join(dir, 'own-cache');
    expect(run(own).status).toBe(0);
    expect(readdirSync(own).length).toBeGreaterThan(0);
    expect(statSync(own).mode & 0o777).toBe(0o700);
  });

  it('take a FIFO, a directory or a link where an entry or a record goes as a miss, without waiting for it', () => {
    const own = path.join(dir, 'odd-cache');
    const file = path.join(dir, 'odd-plan.yaml');
    writeFileSync(file, readFileSync(fixturePath('small-plan.yaml')));
    const env = { ...process.env, PLAN_NO_CACHE: undefined, PLAN_CACHE_DIR: own };
    const run = () => spawnSync(process.execPath, [BIN, 'tasks', '--json', '--plan', file], { encoding: 'utf8', env, timeout: 10_000 });
    const first = run();
    expect(first.status).toBe(0);
    const [entry] = cacheFiles(own).filter((f) => f.endsWith('.plan'));
    // The record of the file is named by the checksum of its path (src/plan/cache.ts).
    const record = path.join(path.dirname(entry!), `${checksum(path.resolve(file))}.known`);
    for (const plant of [(at: string) => execFileSync('mkfifo', [at]), (at: string) => mkdirSync(at), (at: string) => symlinkSync('/dev/zero', at)]) {
      for (const at of [entry!, record]) {
        rmSync(at, { recursive: true, force: true });
        plant(at);
      }
      const again = run();
      expect([again.status, again.stdout, again.stderr]).toEqual([0, first.stdout, '']);
    }
  });

  it('never answer with a tampered entry that is not a valid plan', () => {
    const own = path.join(dir, 'tampered-cache');
    const file = fixturePath('small-plan.yaml');
    const env = { ...process.env, PLAN_NO_CACHE: undefined, PLAN_CACHE_DIR: own };
    const first = spawnSync(process.execPath, [BIN, 'tasks', '--json', '--plan', file], { encoding: 'utf8', env });
    for (const entry of cacheFiles(own).filter((f) => f.endsWith('.plan'))) {
      writeFileSync(entry, JSON.stringify({ format: 1, data: { tasks: 'broken' } }));
    }
    const second = spawnSync(process.execPath, [BIN, 'tasks', '--json', '--plan', file], { encoding: 'utf8', env });
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('a UTF-8 byte order mark and CRLF line ends', () => {
  it('answer exactly like the clean file', () => {
    const clean = readFileSync(fixturePath('small-plan.yaml'), 'utf8');
    const windows = path.join(dir, 'windows.yaml');
    writeFileSync(windows, `\ufeff${clean.replace(/\n/g, '\r\n')}`);
    for (const args of [['tasks', '--json'], ['search', '电梯'], ['stats', '--view', 'workload', '--format', 'csv']]) {
      expect(plan([...args, '--plan', windows]).stdout).toBe(plan([...args, '--plan', fixturePath('small-plan.yaml')]).stdout);
    }
  });
});

describe('plan text never controls the terminal', () => {
  const evil = withText('evil.yaml', 'A\x1b[2J\x1b]0;owned\x07B\x9b31mC\u202eD\x00E\nF\tG');
  it.each([['--format', 'table'], ['--format', 'tsv'], ['--format', 'markdown'], []])('tasks %s', (...format) => {
    const run = plan(['tasks', '--plan', evil, ...format]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    // Markdown escapes the brackets too.
    expect(run.stdout.replace(/\\([[\]])/g, '$1')).toContain('A␛[2J␛]0;owned␇B');
  });

  it('json escapes every control character and still carries the text', () => {
    const run = plan(['tasks', '--plan', evil, '--json']);
    expect(run.stdout).not.toMatch(/[\x00-\x1f\x7f-\x9f](?<!\n)/);
    expect(JSON.parse(run.stdout)[0].text).toBe('A\x1b[2J\x1b]0;owned\x07B\x9b31mC\u202eD\x00E\nF\tG');
  });

  it('error messages that quote the file are neutralised too', () => {
    const file = path.join(dir, 'evil-error.yaml');
    writeFileSync(file, minimal.replace('responsibility: sole', 'responsibility: "\\e]0;owned\\a"'));
    const run = plan(['tasks', '--plan', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(run.stderr).toContain('␛]0;owned␇');
  });
});

describe('plan text never runs in a spreadsheet', () => {
  it.each(['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])('csv neutralises %j', (text) => {
    const run = plan(['tasks', '--plan', withText('formula.yaml', text), '--format', 'csv']);
    const cell = run.stdout.split('\r\n')[1]!.split(',').slice(5).join(',');
    // A tab or a carriage return shows as ␉ or ␍ (as on a terminal), which starts no formula.
    expect(cell.replace(/^"/, '')).toMatch(/^['␉␍]/);
  });

  it('starts with a byte order mark in a file, so that Excel reads UTF-8; not in a pipe, nor with --no-bom', () => {
    const file = path.join(dir, 'depts.csv');
    for (const [extra, bom] of [[[], true], [['--no-bom'], false]] as const) {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" depts --format csv ${extra.join(' ')} > "${file}"`]);
      expect(result.status).toBe(0);
      expect(readFileSync(file, 'utf8').startsWith('\ufeffdepartment,')).toBe(bom);
    }
    expect(plan(['depts', '--format', 'csv']).stdout.startsWith('department,')).toBe(true);
  });
});

describe('unsafe characters, escaped or shown', () => {
  const text = 'A\x1b]52;c;eA==\x07B\x9b31mC\u202eD\u200bE\u2028F\ufeffG\u{e0041}H\x7f';
  it('JSON and YAML escape them and read back the same text', async () => {
    const { safeJSON } = await import('../src/render/json.js');
    const yaml = await import('../src/render/yaml.js');
    const { parse } = await import('yaml');
    const report = { records: [{ text }], columns: [], toJSON: (r: unknown) => r };
    const json = safeJSON(report.records);
    expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u200b\u202e\u2028\ufeff]|\u{e0041}/u);
    expect(JSON.parse(json)[0].text).toBe(text);
    const written = await yaml.render(report as never);
    expect(written).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u202e\u2028\ufeff]|\u{e0041}/u);
    expect(parse(written)[0].text).toBe(text);
  });

  it('a terminal shows each as one visible character', async () => {
    const { neutralise } = await import('../src/render/sanitize.js');
    expect(neutralise(text)).toBe('A␛]52;c;eA==␇B�31mC�D�E�F�G��H␡');
  });

  it('names that look the same are found', async () => {
    const { confusableNames, visibleForm } = await import('../src/plan/confusable.js');
    expect(visibleForm('市质\u200b监局')).toBe('市质监局');
    expect(visibleForm('Ｑ\u0421')).toBe('QC');
    const department = (name: string) => ({ name, aliases: [], group: false });
    const plan = { departments: [department('市质监局'), department('市质\u200b监局'), department('市商委')] } as never;
    const { word } = await import('../src/i18n/index.js');
    expect(confusableNames(plan).map((m) => word('en', m))).toEqual(['"市质\u200b监局" (市质\u200b监局) looks the same as "市质监局" (市质监局) but differs by U+200B: a reader cannot tell them apart']);
  });
});
