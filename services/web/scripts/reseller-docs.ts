import { readFile, writeFile } from 'node:fs/promises';
import {
  codeSamples,
  paramsOf,
  README_ENDPOINT,
  RESELLER_CALLS,
  RESELLER_ERRORS,
  RESELLER_INTRO,
  type ResellerCall,
  replyText,
} from '../src/lib/reseller-api-docs.ts';

/** The gateway README, whose reseller section this script owns (between the two markers). */
export const README_FILE = new URL('../../gateway/README.md', import.meta.url);
export const START = '<!-- reseller-api:start -->';
export const END = '<!-- reseller-api:end -->';

const NOTE =
  '<!-- Written by `npm run docs:reseller -w @smm/web` from services/web/src/lib/reseller-api-docs.ts, which the /api page also shows: edit that file, not this section (test/reseller-docs.test.ts compares them). -->';

/** A Markdown table with padded columns, as the other READMEs have them. */
function table(head: string[], rows: string[][]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const all = [head, ...rows].map((r) => r.map(cell));
  const widths = head.map((_, i) => Math.max(3, ...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const [first, ...rest] = all;
  return [line(first!), line(widths.map((w) => '-'.repeat(w))), ...rest.map(line)].join('\n');
}

function fence(language: string, code: string): string {
  return `\`\`\`${language}\n${code.trimEnd()}\n\`\`\``;
}

function callSection(call: ResellerCall): string {
  const params = table(
    ['parameter', 'description'],
    paramsOf(call).map((p) => [`\`${p.name}\``, p.about]),
  );
  return [
    `### \`${call.action}\`: ${call.title}`,
    call.about,
    params,
    `Example reply:\n\n${fence('json', replyText(call.reply))}`,
    ...(call.notes?.length ? [call.notes.map((n) => `- ${n}`).join('\n')] : []),
  ].join('\n\n');
}

/** The section between the markers, markers excluded. */
export function resellerMarkdown(): string {
  const errors = table(
    ['error', 'HTTP', 'when'],
    RESELLER_ERRORS.map((e) => [`\`${e.text}\``, String(e.http), e.when]),
  );
  return [
    NOTE,
    `Endpoint: \`${README_ENDPOINT}\` (your panel's address + \`/api/v2\`). The key comes from the customer's web page \`/api\` (\`POST /api/user/api-key\`), shown once.`,
    ...RESELLER_INTRO,
    ...RESELLER_CALLS.map(callSection),
    `### Errors\n\n${errors}`,
    ...codeSamples(README_ENDPOINT).map((s) => `### Example: ${s.title}\n\n${fence(s.language, s.code)}`),
  ].join('\n\n');
}

/** The README with its reseller section as this script writes it; throws when the markers are missing. */
export function withResellerSection(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start || readme.indexOf(START, start + 1) >= 0) {
    throw new Error(`${README_FILE.pathname}: expected one "${START}" … "${END}" pair`);
  }
  return `${readme.slice(0, start)}${START}\n\n${resellerMarkdown()}\n\n${readme.slice(end)}`;
}

if (import.meta.main) {
  const readme = await readFile(README_FILE, 'utf8');
  await writeFile(README_FILE, withResellerSection(readme));
  console.log(`wrote the reseller API section of ${README_FILE.pathname}`);
}
