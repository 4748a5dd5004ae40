import { realpathSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, PlanError } from '../errors.js';
import { importDocument } from '../import/index.js';
import { readDocumentBytes } from '../import/read.js';
import type { Command } from './command.js';
import { said } from '../import/words.js';

/** The file a path names, through symbolic links where it exists. */
function samePlace(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses an -o that is a folder, or a regular file that exists (without --force): a plan file made before may hold
 * the corrections its summary asked for, and a second import would silently undo them. A device or a pipe
 * (/dev/stdout) is written to as asked.
 */
function refuseToReplace(output: string, force: boolean): void {
  let stat: Stats;
  try {
    stat = statSync(output);
  } catch {
    return; // nothing there yet (or nothing that can be looked at: writing it says why)
  }
  if (stat.isDirectory()) {
    throw new PlanError(said(`-o ${output} is a folder: give the plan file's name in it (${output.replace(/\/+$/, '')}/plan.yaml)`, `-o ${output} 是文件夹：请给出其中计划文件的名称（${output.replace(/\/+$/, '')}/plan.yaml）`));
  }
  if (stat.isFile() && !force) {
    throw new PlanError(said(`-o ${output} exists: plan import does not write over a plan file (it may hold your corrections); give another name, or add --force to replace it`, `-o ${output} 已存在：plan import 不覆盖已有的计划文件（其中可能有您的修改）；请另给一个名称，或加 --force 替换它`));
  }
}

export const importCommand: Command = {
  name: 'import',
  description: 'command.import',
  examples: ['plan import 通知.docx -o plan.yaml', 'plan import page.html > plan.yaml', 'plan dept 财政部 --plan plan.yaml'],
  arguments: [{ name: '<document>', description: 'argument.document' }],
  writes: 'writes.planFile',
  options: [
    { flags: '-o, --output <file>', description: 'option.output' },
    { flags: '--allow-empty', description: 'option.allowEmpty' },
    { flags: '--force', description: 'option.force' },
  ],
  async run({ args, options, language, t }) {
    const document = args[0]!;
    const output = options.output as string | undefined;
    if (output !== undefined && samePlace(output) === samePlace(document)) {
      throw new PlanError(said(`-o ${output} is the document itself: plan import never writes over its input; give another file`, `-o ${output} 就是原文本身：plan import 从不覆盖原文；请另给一个文件`));
    }
    if (output !== undefined) refuseToReplace(output, options.force === true);
    // Standard input (-) is named as such in the summary and the plan file's comment.
    const name = document === '-' ? t('file.stdin') : document;
    const result = await importDocument(readDocumentBytes(document), name, language);
    if (result.plan.tasks.length === 0 && options.allowEmpty !== true) {
      return {
        kind: 'product',
        text: '',
        notes: [...result.summary, language === 'zh'
          ? `plan: ${document} 没有任何责任单位标注（如（A、B按职责分工负责）），找不到任务；--allow-empty 只导入其标题`
          : `plan: ${document} has no attribution (such as （A、B按职责分工负责）) saying who carries a task, so no task was found; --allow-empty imports its headings only`],
        exitCode: EXIT.noMatch,
      };
    }
    return { kind: 'product', text: result.yaml, ...(output === undefined ? {} : { file: output }), notes: result.summary };
  },
};
