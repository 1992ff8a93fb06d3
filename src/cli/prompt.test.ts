import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseSlashLine } from './prompt.js';

/** The message of the UserError that parsing `line` throws. */
function refusal(line: string): string {
  try {
    parseSlashLine(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`parseSlashLine accepted ${line}`);
}

describe('parseSlashLine', () => {
  it('reads options by the command definition', () => {
    const { command, options } = parseSlashLine('/ask question: What is CPEC? limit: 2 private: true');
    expect(command.data.name).toBe('ask');
    expect(options).toEqual({ question: 'What is CPEC?', limit: 2, private: true });
  });

  it('refuses numbers outside the range Discord would allow', () => {
    expect(refusal('/ask question: CPEC limit: 0')).toBe('limit: must be at least 1, not 0.');
    expect(refusal('/ask question: CPEC limit: 99')).toBe('limit: must be at most 10, not 99.');
    expect(refusal('/ask question: CPEC from: -4')).toBe('from: must be at least 0, not -4.');
  });

  it('refuses an attachment, which only Discord can carry, pointing to the CLI', () => {
    expect(refusal('/library action: add file: notes.txt')).toBe('file: attach the file in Discord; here, ingest it with research-bot ingest <file>.');
  });

  it('refuses text longer than Discord would allow', () => {
    expect(refusal(`/source cite: ${'a'.repeat(101)}`)).toBe('cite: is 101 characters long; keep it to 100.');
  });

  it('echoes what was typed on one short, clean line', () => {
    expect(refusal(`/${'x'.repeat(100)}\u001B[2J`)).toBe(`There is no command "/${'x'.repeat(38)}…": try /help.`);
    expect(refusal('/ask question: CPEC limit: 2\nlines')).toBe('limit: must be a whole number, not "2 lines".');
    expect(refusal('/ask oops\u0000 question: CPEC')).toBe('Unexpected text "oops" before question:');
  });

  it('takes text before any option as the command\'s one required option', () => {
    expect(parseSlashLine('/ask Who is Shoigu?').options).toEqual({ question: 'Who is Shoigu?' });
    expect(parseSlashLine('/quote Russia has lifted its arms embargo limit: 2').options).toEqual({ text: 'Russia has lifted its arms embargo limit: 2' });
    expect(parseSlashLine('/ask Who is Shoigu? limit: 2').options).toEqual({ question: 'Who is Shoigu?', limit: 2 });
    expect(refusal('/source gvs-2018')).toBe('Name the option: /source id: gvs-2018');
  });

  it('reads a number or true/false option only where one follows its name', () => {
    expect(parseSlashLine('/ask question: What is the limit: of arms sales? limit: 1').options).toEqual({ question: 'What is the limit: of arms sales?', limit: 1 });
    expect(parseSlashLine('/ask question: Was the deal private: or public?').options).toEqual({ question: 'Was the deal private: or public?' });
  });

  it('refuses an option given twice', () => {
    expect(refusal('/ask question: CPEC question: SCO')).toBe('question: is given twice; give each option once.');
    expect(refusal('/timeline from: 2014 from: 2015')).toBe('from: is given twice; give each option once.');
  });
});
