import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvToDocument } from '../../src/adapters/csv.js';
import { located, locatedProblems } from '../../src/adapters/source-map.js';
import { csv, HEADER, teams } from './csv-setup.js';

// The adapters are pure: a file in, an org document out, and the way back to the file.

describe('csvToDocument', () => {
  it('reads the fixture: BOM, CRLF, quotes, embedded commas and line breaks, mapped headers', () => {
    const text = readFileSync('test/fixtures/people.csv', 'utf8');
    const columns = { email: 'work email', name: 'FULL NAME' };
    const { document, problems } = csvToDocument(text, { columns, teams });
    expect(problems).toEqual([]);
    expect(document.people?.map((p) => p.email)).toEqual([
      'jane@corp.test',
      'eli@corp.test',
      'dee@corp.test',
      'ana@corp.test',
      'hal@corp.test',
      'zed@corp.test',
      'bo@corp.test',
    ]);
    expect(document.people?.[1]).toEqual({
      email: 'eli@corp.test',
      name: 'Stone, Eli',
      title: 'Engineer, Storage',
      level: 'L4',
      manager: 'ana@corp.test',
      startedOn: '2022-01-10',
    });
    expect(document.people?.[6]).toMatchObject({ manager: null });
    expect(document.units).toEqual([
      { ...teams.get('storage'), layer: 'TEAM', members: ['jane@corp.test', 'dee@corp.test'] },
      { ...teams.get('compute'), layer: 'TEAM', members: ['eli@corp.test', 'hal@corp.test'] },
    ]);
  });

  it('leaves out the columns a file lacks, so the org keeps those fields', () => {
    const { document } = csvToDocument('email,name\nann@corp.test,Ann Ek\n', { teams });
    expect(document).toEqual({ people: [{ email: 'ann@corp.test', name: 'Ann Ek' }], units: [] });
  });

  it('numbers rows as a spreadsheet does, blank rows included, and names the column', () => {
    const adapted = csv(
      'ann@corp.test,Ann Ek,,,,storage,,',
      '',
      'ben@corp.test,Ben Ek,,,,nowhere,,',
      'cat@corp.test,Cat Ek,,,,,,,,x',
    );
    expect(
      locatedProblems(adapted, [{ path: 'people[1].manager', message: 'unknown person' }]),
    ).toEqual([
      // Within a row, the file's own problems come first, then the import's.
      'row 4, team: unknown team "nowhere"',
      'row 4, manager_email: unknown person',
      'row 5: 10 fields where the header has 8',
    ]);
    expect(adapted.sources.locate('units[0].members[0]')).toEqual({
      order: 2,
      text: 'row 2, team',
    });
  });

  it('finds the header below blank lines, and numbers the rows from there as a spreadsheet does', () => {
    const adapted = csvToDocument(
      ['', '', HEADER, 'ann@corp.test,Ann Ek,,,,nowhere,,'].join('\n'),
      {
        teams,
      },
    );
    expect(locatedProblems(adapted, [])).toEqual(['row 4, team: unknown team "nowhere"']);
    expect(adapted.document.people).toMatchObject([{ email: 'ann@corp.test', name: 'Ann Ek' }]);
  });

  it('puts a leaver (gone by the import day) in no team, and says so; one leaving later stays', () => {
    const rows = [
      'old@corp.test,Old Timer,,,,storage,2019-01-01,2026-06-30',
      'soon@corp.test,Soon Gone,,,,storage,2020-01-01,2027-01-31',
    ];
    const adapted = csvToDocument([HEADER, ...rows].join('\n'), { teams, today: '2026-12-06' });
    expect(locatedProblems(adapted, [])).toEqual([]);
    expect(located(adapted.warnings)).toEqual([
      'row 2, team: not read: gone from 2026-06-30 (a leaver)',
    ]);
    expect(adapted.document.people?.map((p) => [p.email, p.departedOn])).toEqual([
      ['old@corp.test', '2026-06-30'],
      ['soon@corp.test', '2027-01-31'],
    ]);
    expect(adapted.document.units?.[0]?.members).toEqual(['soon@corp.test']);
  });

  it('refuses a header it reads that heads two columns, rather than pick one', () => {
    const adapted = csvToDocument('email,name,Email\nann@corp.test,Ann Ek,old@corp.test\n', {
      teams,
    });
    expect(locatedProblems(adapted, [])).toEqual([
      'row 1: "email" heads columns 1, 3: which one to read is unsaid (rename the others)',
    ]);
    expect(adapted.document).toEqual({});
    // Headers are matched without regard to punctuation: `E-mail` and `Email` are one column.
    // The file's last was read, the other left unread without a word.
    const punctuated = csvToDocument(
      'E-mail,name,Start Date,start_date\nann@corp.test,Ann,2020-01-01,2021-01-01\n',
      { teams },
    );
    expect(locatedProblems(punctuated, [])).toEqual([
      'row 1: "Start Date" heads columns 3, 4: which one to read is unsaid (rename the others)',
    ]);
    const emails = csvToDocument('E-mail,name,Email\nann@corp.test,Ann,old@corp.test\n', {
      teams,
    });
    expect(locatedProblems(emails, [])).toEqual([
      'row 1: "E-mail" heads columns 1, 3: which one to read is unsaid (rename the others)',
    ]);
    // A header named in --columns is the one written: punctuation tells it apart, and a
    // header of no Latin letters (or none at all) is no other's twin.
    const named = (text: string, columns: Record<string, string>) =>
      locatedProblems(csvToDocument(text, { teams, columns }), []);
    expect(named('メール,氏名\nann@corp.test,安\n', { email: 'メール', name: '氏名' })).toEqual([]);
    expect(named('email,Имя,\nann@corp.test,Аня,\n', { name: 'Имя' })).toEqual([]);
    expect(
      named('Employee #,Employee,Work Email\n17,Ann Ek,ann@corp.test\n', {
        name: 'Employee',
        email: 'Work Email',
      }),
    ).toEqual([]);
    expect(
      named('E-mail,name,Email\nann@corp.test,Ann,old@corp.test\n', { email: 'E-mail' }),
    ).toEqual([]);
  });

  it('reads exactly the cells --columns names, or refuses: never another column', () => {
    // A part of no Latin letter was alike to every header of another script (名+姓 read
    // メール twice), and a part written exactly lost to its punctuation twin.
    const read = (text: string, columns: Record<string, string>) => {
      const adapted = csvToDocument(text, { teams, columns });
      return { problems: locatedProblems(adapted, []), people: adapted.document.people };
    };
    const names = (text: string, columns: Record<string, string>) =>
      read(text, columns).people?.map((p) => p.name);
    expect(
      names('メール,名,姓\nann@corp.test,安,藤\n', { email: 'メール', name: '名+姓' }),
    ).toEqual(['安 藤']);
    expect(names('email,Имя,Фамилия\nann@corp.test,Аня,Ек\n', { name: 'Имя+Фамилия' })).toEqual([
      'Аня Ек',
    ]);
    const exact = 'email,First-Name,First Name,Last Name\nann@corp.test,WRONG,Ann,Ek\n';
    expect(names(exact, { name: 'First Name+Last Name' })).toEqual(['Ann Ek']);
    // Named by neither header's text, alike to both without punctuation: refused.
    expect(
      read('Work-Email,name,Work Email\nann@corp.test,Ann,old@corp.test\n', { email: 'WorkEmail' })
        .problems,
    ).toEqual([
      'row 1: "Work-Email" heads columns 1, 3: which one to read is unsaid (rename the others)',
    ]);
    // A name the file lacks is said so, not read from another header of no Latin letter.
    expect(
      read('email,name,役職\nann@corp.test,Ann,Boss\n', { title: '役職', level: '等級' }).problems,
    ).toEqual([expect.stringMatching(/^row 1: no "等級" column \(for level\)/)]);
    // A header --columns names is not one of ours by its own name as well.
    const claimed = read('email,name,E-mail\nann@corp.test,Ann,bo@corp.test\n', {
      manager_email: 'E-mail',
    });
    expect(claimed.problems).toEqual([]);
    expect(claimed.people?.map((p) => [p.email, p.manager])).toEqual([
      ['ann@corp.test', 'bo@corp.test'],
    ]);
  });

  it('names columns as the header writes them, and other entries a message names by row', () => {
    const adapted = csvToDocument(
      'Email,Full_Name,Manager Email,Start Date\nann@corp.test,Ann,,\nANN@corp.test,Ann Two,x@y.z,\n',
      { teams, columns: { name: 'Full_Name' } },
    );
    const userErrors = [
      { path: 'people[1].email', message: 'duplicate email "ann@corp.test" (also people[0])' },
      { path: 'people[1].manager', message: 'unknown person "x@y.z"' },
    ];
    expect(locatedProblems(adapted, userErrors)).toEqual([
      'row 3, Email: duplicate email "ann@corp.test" (also row 2)',
      'row 3, Manager Email: unknown person "x@y.z"',
    ]);
  });

  it('offers first and last name for a name, not the employee number beside them', () => {
    const { problems } = csvToDocument(
      // Trailing empty columns, as spreadsheets export them, head nothing found.
      'Employee #,First Name,Last Name,Email,Reports To (Email),,\n1,Ana,Ruiz,ana@corp.test,,,\n',
      { teams },
    );
    expect(problems.map((p) => p.message)).toEqual([
      'no "name" column; headers found: Employee #, First Name, Last Name, Email, Reports To (Email); ' +
        '--columns "name=First Name+Last Name,manager_email=Reports To (Email)" would read them',
    ]);
  });

  it('offers the likeliest name column, never a numbered one: Full Name, not Employee #', () => {
    const { problems } = csvToDocument(
      'Employee #,Employee,Full Name,Email\n17,x,Ana Ruiz,ana@corp.test\n',
      { teams },
    );
    expect(problems[0]?.message).toMatch(/--columns "name=Full Name" would read it$/);
    const alone = csvToDocument('Employee #,Work Email\n17,ana@corp.test\n', { teams });
    expect(alone.problems[0]?.message).toMatch(/--columns "email=Work Email" would read it$/);
  });

  it('tells a file it cannot read as CSV once, in its own words, by file and line', () => {
    const broken = (text: string) =>
      locatedProblems(csvToDocument(text, { teams, file: 'people.csv' }), []);
    expect(broken('email,name\nq9@corp.test,"Broken\n')).toEqual([
      'people.csv, line 2: a quoted cell is never closed (the file ends inside it)',
    ]);
    expect(broken('email,name\nann@corp.test,Ann\nq9@corp.test,"Bro\nken\n\nmore')).toEqual([
      'people.csv, line 3: a quoted cell is never closed (the file ends inside it)',
    ]);
    const rows = ['email,name', 'ann@corp.test,Ann', 'bo@corp.test,Bo', 'cy@corp.test,Cy'];
    expect(
      broken(`${[...rows, 'q9@corp.test,"Broken', 'dee@corp.test,Dee'].join('\n')}\n`),
    ).toEqual(['people.csv, line 5: a quoted cell is never closed (the file ends inside it)']);
    expect(broken('email,name\nann@corp.test,"Ann "A" Ek"\n')).toEqual([
      'people.csv, line 2: a quote inside a quoted cell is not doubled ("")',
    ]);
    expect(broken('email,name\nann@corp.test,Ann "A" Ek\n')).toEqual([
      'people.csv, line 2: a quote inside a cell that does not start with one (quote the cell and double the quote)',
    ]);
    // A line break typed in a web form's box is a CRLF inside a quoted cell: one line, where
    // csv-parse counts two.
    const boxed = 'email,name,title\r\nbo@corp.test,Bo,"VP\r\nof\r\nEng"\r\n';
    expect(broken(`${boxed}dee@corp.test,Dee "DJ" Okafor,TL\r\n`)).toEqual([
      'people.csv, line 5: a quote inside a cell that does not start with one (quote the cell and double the quote)',
    ]);
    expect(broken(`${boxed}dee@corp.test,"Dee,TL\r\nann@corp.test,Ann,EM\r\n`)).toEqual([
      'people.csv, line 5: a quoted cell is never closed (the file ends inside it)',
    ]);
  });

  it('reports unknown --columns keys', () => {
    const unknown = csvToDocument(HEADER, { teams, columns: { mail: 'Mail' } });
    expect(unknown.problems[0]?.message).toMatch(/^--columns: unknown column "mail"/);
  });
});
