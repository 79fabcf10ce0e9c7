import type { TerraformConfig } from './terraform-config.js';

/** The README's tables are rendered from variables.tf and outputs.tf; the test compares cells. */

/** Cells of a table, header row first; the `| --- |` separator is left out. */
export type TableRows = string[][];

function typeText(type: unknown): string {
  return String(type).replace(/^\$\{([\s\S]*)\}$/, '$1');
}

function defaultText(body: Record<string, unknown>): string {
  return 'default' in body ? `\`${JSON.stringify(body.default)}\`` : 'required';
}

export function inputsTableRows(config: TerraformConfig): TableRows {
  return [
    ['Name', 'Type', 'Default', 'Description'],
    ...Object.entries(config.variables).map(([name, { body }]) => [
      `\`${name}\``,
      `\`${typeText(body.type)}\``,
      defaultText(body),
      String(body.description),
    ]),
  ];
}

export function outputsTableRows(config: TerraformConfig): TableRows {
  return [
    ['Name', 'Description'],
    ...Object.entries(config.outputs).map(([name, { body }]) => [
      `\`${name}\``,
      String(body.description),
    ]),
  ];
}

/** Markdown for rows, for pasting into the README (the formatter pads it; the cells still match). */
export function renderTable(rows: TableRows): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

/** The cells of a markdown table, whatever its padding. Cells must not contain `|`. */
export function parseTable(markdown: string): TableRows {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, trimmed. */
export function markedSection(markdown: string, name: string): string | undefined {
  const match = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(markdown);
  return match?.[1]?.trim();
}
