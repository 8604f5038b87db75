import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvToDocument } from '../../src/adapters/csv.js';
import { located, locatedProblems } from '../../src/adapters/source-map.js';

// The adapters are pure: a file in, an org document out, and the way back to the file.
const teams = new Map([
  ['storage', { slug: 'storage', name: 'Storage', parent: 'infra' }],
  ['compute', { slug: 'compute', name: 'Compute', parent: 'infra' }],
]);
const HEADER = 'email,name,title,level,manager_email,team,start_date,departure_date';
const csv = (...rows: string[]) => csvToDocument([HEADER, ...rows].join('\n'), { teams });

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

  it('warns of a row whose status says the person left when no departure date says when', () => {
    // BambooHR's `Status`, HiBob's `Lifecycle status`: a leaver's row often has no date of
    // ours (their last day worked is `Termination Date`, a day before our departure date).
    // Gusto's `Employment Status` (full- or part-time) beside its `Status`: both are read.
    const text = [
      'Email,Name,Employment Status,Lifecycle status,departure_date',
      'ann@corp.test,Ann Ek,Full-time,Employed,',
      'old@corp.test,Old Timer,Full-time,Terminated - Voluntary,',
      'bo@corp.test,Bo Lund,Part-time, inactive ,2026-06-30',
      'cy@corp.test,Cy Berg,Part-time,Off-boarded,',
      'dee@corp.test,Dee Moe,Full-time,Suspended,',
      'eve@corp.test,Eve Sand,Full-time,Terminating,',
      'fay@corp.test,Fay Holm,Full-time,Active,2026-01-31',
      'gus@corp.test,Gus Berg,Full-time,Active,2027-01-31',
    ].join('\n');
    const adapted = csvToDocument(text, { teams, today: '2026-12-06' });
    expect(locatedProblems(adapted, [])).toEqual([]);
    const unsaid = (row: number, status: string) =>
      `row ${row}, Lifecycle status: "${status}" but no departure date: imported as still here (give departure_date, their first day gone, or leave the row out)`;
    expect(located(adapted.warnings)).toEqual([
      unsaid(3, 'Terminated - Voluntary'),
      unsaid(5, 'Off-boarded'),
      'row 8, Lifecycle status: "Active" but gone from 2026-01-31 (departure_date): imported as gone',
    ]);
    expect(adapted.document.people?.map((p) => p.departedOn ?? null)).toEqual([
      null,
      null,
      '2026-06-30',
      null,
      null,
      null,
      '2026-01-31',
      '2027-01-31',
    ]);
    // PeopleSoft's one-letter codes, read in its `Empl Status` alone; one warning a row.
    const peoplesoft = csvToDocument(
      [
        'email,name,Empl Status,Status,departure_date',
        'a@corp.test,A,T,Terminated,',
        'b@corp.test,B,L,,',
        'c@corp.test,C,A,,2026-02-01',
      ].join('\n'),
      { teams, today: '2026-12-06' },
    );
    expect(located(peoplesoft.warnings)).toEqual([
      'row 2, Empl Status: "T" but no departure date: imported as still here (give departure_date, their first day gone, or leave the row out)',
      'row 4, Empl Status: "A" but gone from 2026-02-01 (departure_date): imported as gone',
    ]);
    // A departure date the format cannot read is its own problem, not "no departure date".
    const unreadable = csvToDocument(
      'email,name,Status,departure_date\na@corp.test,A,Left,31/13/2026',
      { teams },
    );
    expect(located(unreadable.warnings)).toEqual([]);
    expect(locatedProblems(unreadable, [])).toHaveLength(1);
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

describe('csvToDocument: files as HR systems write them', () => {
  it('reads a manager given by name, as BambooHR and Workday write it', () => {
    // `Reports To` holds "Ruiz, Ana": the offered --columns failed on every row.
    const text = [
      'Employee #,First Name,Last Name,Work Email,Reports To',
      '1,Ana,Ruiz,ana@corp.test,',
      '2,Hal,Berg,hal@corp.test,"Ruiz, Ana"',
      '3,Ida,Moss,ida@corp.test,hal berg',
      '4,Jo,Lind,jo@corp.test,Nobody Here',
    ].join('\r\n');
    const columns = {
      email: 'Work Email',
      name: 'First Name+Last Name',
      manager_email: 'Reports To',
    };
    const adapted = csvToDocument(text, { columns, teams });
    expect(adapted.document.people?.map((p) => [p.email, p.manager])).toEqual([
      ['ana@corp.test', null],
      ['hal@corp.test', 'ana@corp.test'],
      ['ida@corp.test', 'hal@corp.test'],
      ['jo@corp.test', null],
    ]);
    expect(locatedProblems(adapted, [])).toEqual([
      'row 5, Reports To: no one in the file is named "Nobody Here": give the manager\'s email instead',
    ]);
  });

  it('reads a file whose cells are separated by semicolons or tabs (Excel, some locales)', () => {
    for (const separator of [';', '\t']) {
      const text =
        ['email', 'name', 'start_date'].join(separator) +
        '\r\n' +
        ['karl@corp.test', '"Brau; Karl"', '05.03.2024'].join(separator) +
        '\r\n';
      const adapted = csvToDocument(text, { teams, dateFormat: 'DD.MM.YYYY' });
      expect(adapted.problems).toEqual([]);
      expect(adapted.document.people).toEqual([
        { email: 'karl@corp.test', name: 'Brau; Karl', startedOn: '2024-03-05' },
      ]);
    }
  });

  it('reads the separator Excel names on a first line of its own (sep=;), not as the header', () => {
    // "headers found: sep=": the line was taken for the header.
    const text = 'sep=;\r\nemail;name\r\nkarl@corp.test;Karl, Brau\r\n';
    const adapted = csvToDocument(text, { teams });
    expect(adapted.problems).toEqual([]);
    expect(adapted.document.people).toEqual([{ email: 'karl@corp.test', name: 'Karl, Brau' }]);
    // Excel does not show the line: its header is row 1 (rows were one further), though a
    // file broken as CSV is told at the file's line, as an editor numbers it.
    const late = csvToDocument(`${text}lea@corp.test;Lea;x\r\n`, { teams });
    expect(located(late.problems)).toEqual(['row 3: 3 fields where the header has 2']);
    const broken = csvToDocument(`${text}"lea@corp.test;Lea\r\n`, { teams, file: 'p.csv' });
    expect(located(broken.problems)).toEqual([
      expect.stringMatching(/^p\.csv, line 4: a quoted cell is never closed/),
    ]);
  });

  it('reads a row Excel wrote without its trailing empty cells, or with extra empty ones', () => {
    // "2 fields where the header has 8": Excel leaves a row's trailing empty cells out.
    const adapted = csv('ann@corp.test,Ann Ek', 'ben@corp.test,Ben Ek,,,,storage,,,,');
    expect(adapted.problems).toEqual([]);
    // Read as the same rows with every cell written.
    const written = csv('ann@corp.test,Ann Ek,,,,,,', 'ben@corp.test,Ben Ek,,,,storage,,');
    expect(adapted.document).toEqual(written.document);
    expect(adapted.document.people?.map((person) => person.name)).toEqual(['Ann Ek', 'Ben Ek']);
    expect(adapted.document.units?.[0]?.members).toEqual(['ben@corp.test']);
  });

  it('tells a header it cannot read once: the headers found and the --columns that fit', () => {
    const text = [
      'Work Email,First Name,Last Name,Job Title,Reports To,Hire Date',
      ...Array.from({ length: 50 }, (_, i) => `p${i}@corp.test,P,${i},Engineer,,2024-01-01`),
    ].join('\n');
    const adapted = csvToDocument(text, { teams });
    expect(locatedProblems(adapted, [])).toEqual([
      'row 1: no "email" column, no "name" column; ' +
        'headers found: Work Email, First Name, Last Name, Job Title, Reports To, Hire Date; ' +
        '--columns "email=Work Email,name=First Name+Last Name,title=Job Title,' +
        'manager_email=Reports To,start_date=Hire Date" would read them',
    ]);
    expect(adapted.document).toEqual({});
  });

  it('offers the missing columns first, from headers as Workday and Google Workspace write them', () => {
    const problem = (header: string) =>
      locatedProblems(csvToDocument(`${header}\n`, { teams }), [])[0]?.replace(
        /headers found: [^;]*; /,
        '',
      );
    expect(
      problem(
        'Employee ID,Worker,Primary Work Email,Business Title,Management Level,Manager Email,' +
          'Supervisory Organization,Original Hire Date,Termination Date',
      ),
    ).toBe(
      'row 1: no "email" column, no "name" column; --columns "email=Primary Work Email,name=Worker,' +
        'title=Business Title,level=Management Level,start_date=Original Hire Date" would read them',
    );
    expect(
      problem(
        'First Name [Required],Last Name [Required],Email Address [Required],Password [Required],' +
          'Org Unit Path [Required],Employee Title,Manager Email,Department',
      ),
    ).toBe(
      'row 1: no "email" column, no "name" column; --columns "email=Email Address [Required],' +
        'name=First Name [Required]+Last Name [Required],title=Employee Title" would read them',
    );
  });

  it('says so when no header looks like a missing column, and "it" of one header', () => {
    const { problems } = csvToDocument('Employee ID,Work Email,Departed On\n', { teams });
    expect(problems.map((p) => p.message)).toEqual([
      'no "email" column, no "name" column; headers found: Employee ID, Work Email, Departed On; ' +
        'no header looks like name (--columns name=<header> says which); ' +
        '--columns "email=Work Email,departure_date=Departed On" would read them',
    ]);
    const alone = csvToDocument('Employee ID,Badge\n', { teams });
    expect(alone.problems.map((p) => p.message)).toEqual([
      'no "email" column, no "name" column; headers found: Employee ID, Badge; ' +
        'no header looks like email or name (--columns email=<header>,name=<header> says which)',
    ]);
    const one = csvToDocument('email,Full Name\n', { teams });
    expect(one.problems.map((p) => p.message)).toEqual([
      'no "name" column; headers found: email, Full Name; --columns "name=Full Name" would read it',
    ]);
  });

  it('names the missing part of joined columns', () => {
    const columns = { name: 'First Name+Surname' };
    const { problems } = csvToDocument('email,First Name,Last Name\n', { teams, columns });
    expect(problems[0]?.message).toMatch(/^no "Surname" column \(for name\); /);
  });

  it('joins columns, and warns of headers it leaves unread that look like its own', () => {
    const text = 'Work Email,First Name,Last Name,Hire Date\nann@corp.test,Ann,Ek,2024-02-01\n';
    const columns = { email: 'Work Email', name: 'First Name+Last Name' };
    const adapted = csvToDocument(text, { teams, columns });
    expect(adapted.problems).toEqual([]);
    expect(adapted.document.people).toEqual([{ email: 'ann@corp.test', name: 'Ann Ek' }]);
    // `--columns` is given once: the value offered keeps the pairs given that read a column.
    expect(located(adapted.warnings)).toEqual([
      'row 1: not read: Hire Date (--columns "email=Work Email,name=First Name+Last Name,start_date=Hire Date" would read it)',
    ]);
    const wrong = csvToDocument(text, { teams, columns: { ...columns, name: 'First+Surname' } });
    expect(wrong.problems.map((p) => p.message)).toEqual([
      'no "First" column (for name); headers found: Work Email, First Name, Last Name, Hire Date; ' +
        '--columns "email=Work Email,name=First Name+Last Name,start_date=Hire Date" would read them',
    ]);
  });

  it('reads days in the --date-format given, one message a bad cell naming the format that fits', () => {
    const text = `${HEADER}\nann@corp.test,Ann,,,,,03/15/2021,\nben@corp.test,Ben,,,,,15.03.2021,31.02.2026\n`;
    const us = csvToDocument(text, { teams, dateFormat: 'MM/DD/YYYY' });
    expect(us.document.people?.[0]?.startedOn).toBe('2021-03-15');
    expect(locatedProblems(us, [])).toEqual([
      'row 3, start_date: "15.03.2021" is not a MM/DD/YYYY date (--date-format DD.MM.YYYY reads it)',
      'row 3, departure_date: "31.02.2026" is not a MM/DD/YYYY date',
    ]);
    const de = csvToDocument(text, { teams, dateFormat: 'DD.MM.YYYY' });
    expect(de.document.people?.[1]?.startedOn).toBe('2021-03-15');
    expect(locatedProblems(de, [])).toEqual([
      'row 2, start_date: "03/15/2021" is not a DD.MM.YYYY date (--date-format MM/DD/YYYY reads it)',
      'row 3, departure_date: "31.02.2026": no such day',
    ]);
  });

  it('reads the UK day first with slashes, and names both formats for a day read either way', () => {
    // 03/04/2021 under the default format offered MM/DD/YYYY alone: a UK file following the
    // hint was read with its days and months swapped, without a word.
    const text = `${HEADER}\nann@corp.test,Ann,,,,,15/03/2021,\nben@corp.test,Ben,,,,,03/04/2021,\n`;
    const uk = csvToDocument(text, { teams, dateFormat: 'DD/MM/YYYY' });
    expect(uk.document.people?.map((p) => p.startedOn)).toEqual(['2021-03-15', '2021-04-03']);
    // Read as the US writes them, a UK day past the 12th is no such day: which format reads it.
    expect(locatedProblems(csvToDocument(text, { teams, dateFormat: 'MM/DD/YYYY' }), [])).toEqual([
      'row 2, start_date: "15/03/2021": no such day (--date-format DD/MM/YYYY reads it)',
    ]);
    expect(locatedProblems(csvToDocument(text, { teams }), [])).toEqual([
      'row 2, start_date: "15/03/2021" is not a YYYY-MM-DD date (--date-format DD/MM/YYYY reads it)',
      'row 3, start_date: "03/04/2021" is not a YYYY-MM-DD date (--date-format MM/DD/YYYY or DD/MM/YYYY reads it: whichever the file writes)',
    ]);
  });

  it('names the one bad row of 2,000', () => {
    const rows = Array.from(
      { length: 2_000 },
      (_, i) => `p${i}@corp.test,P ${i},,,,storage,${i === 1_234 ? '2021-13-01' : '2021-03-01'},`,
    );
    const adapted = csv(...rows);
    expect(adapted.document.people).toHaveLength(2_000);
    expect(locatedProblems(adapted, [])).toEqual([
      'row 1236, start_date: "2021-13-01": no such day',
    ]);
  });
});
