// Finds the runnable code blocks of the documentation (docs/README.md, "Runnable examples"): fenced blocks whose
// info string is a language followed by the word `run`, e.g. ```ts run or ```sh run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunnableBlock {
  /** Path relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The language word of the info string (`ts`, `sh`, …). */
  readonly lang: string;
  readonly code: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/;

/** Every fenced block of `markdown` whose info string has the word `run` after the language. */
export function runnableBlocks(markdown: string, file: string): RunnableBlock[] {
  const out: RunnableBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    // a closing fence: the same character, at least as long, nothing after it
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!))
      body.push(lines[j++]!);
    if (open[3]!.split(/\s+/).includes('run'))
      out.push({ file, line: i + 1, lang: open[2]!, code: body.join('\n') + '\n' });
    i = j;
  }
  return out;
}

/** README.md and every docs/*.md of the repository at `root`. */
export function documentationFiles(root: string): string[] {
  return [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
}

/** The runnable blocks of all documentation files. */
export function allRunnableBlocks(root: string): RunnableBlock[] {
  return documentationFiles(root).flatMap((f) => runnableBlocks(readFileSync(join(root, f), 'utf8'), f));
}
