import { describe, expect, it } from 'vitest';
import { csvToDocument } from '../../src/adapters/csv.js';
import { located, locatedProblems } from '../../src/adapters/source-map.js';
import { csv, HEADER, teams } from './csv-setup.js';

// HR exports as their systems write them (BambooHR, Workday, HiBob, Gusto, Google Workspace,
// Excel): the CSV adapter is pure, a file in, an org document out.

describe('csvToDocument: files as HR systems write them', () => {
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
