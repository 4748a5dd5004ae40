// plan show: tasks in full, with the headings above them and their roles, one block a task on a terminal.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLAN_FILE: undefined, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: undefined, PLAN_LANG: undefined, ...env } as NodeJS.ProcessEnv,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

describe('plan show', () => {
  it('on a terminal: one block a task, the headings above it, no table', () => {
    const { stdout, code } = plan(['show', '37-38', '--format', 'table'], { COLUMNS: '80' });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[┌│└]/);
    const blocks = stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^id +37\nunder +三、优化质量和品牌提升的环境 › （八）加强重点领域质量安全监管。\n/);
    expect(blocks[1]).toContain('市农委、市质监局、市食品药品监管局、市林业局');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('in Chinese: the labels are Chinese', () => {
    const { stdout } = plan(['show', '37', '--format', 'table'], { COLUMNS: '80', LANG: 'zh_CN.UTF-8' });
    expect(stdout).toMatch(/^编号 +37\n所在标题 +三、/);
    expect(stdout).toContain('职责');
  });

  it('data formats have the columns of every task list', () => {
    expect(plan(['show', '37', '--format', 'tsv', '--header']).stdout).toBe(
      'id\tpart\tsection\tresponsibility\tdepartments\ttext\n37\t3\t（八）\tsole\t市质监局\t加强特种设备安全监察，开展电梯安全监管专项行动，加快建设“96333”电梯应急处置平台，积极推进电梯责任保险。\n',
    );
    const [record] = JSON.parse(plan(['show', '37', '--json']).stdout) as { headings: string[] }[];
    expect(record!.headings).toEqual(['三、优化质量和品牌提升的环境', '（八）加强重点领域质量安全监管。']);
  });
});
