import {
  type CliIo,
  type Command,
  dayFrom,
  parseOptions,
  reportUserErrors,
  TODAY_OPTION,
  withOperator,
} from './command.js';
import { badUsage, oneOf } from './failures.js';

const SEATS = ['ENG_LEAD', 'TECH_LEAD'] as const;

interface WritePayload {
  userErrors: { path: string | null; message: string }[];
}

/** Runs one mutation and prints its outcome, or its userErrors (exit 2: refused input). */
async function reportWrite<P extends WritePayload>(
  io: CliIo,
  today: string | undefined,
  mutation: string,
  input: Record<string, unknown>,
  said: Record<string, string>,
  describe: (payload: P) => string,
): Promise<number> {
  const data = await withOperator(io, today, (org) =>
    org.ask<Record<string, P>>(mutation, { input }),
  );
  const [payload] = Object.values(data) as P[];
  if (!payload) throw new Error('the answer has no payload');
  if (payload.userErrors.length > 0) return reportUserErrors(io, payload.userErrors, said);
  io.out(`${describe(payload)}\n`);
  return 0;
}

const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
  assignment { person { email } startedOn } ended { person { email } endedOn }
  userErrors { path message }
} }`;
interface AssignPayload extends WritePayload {
  assignment: { person: { email: string }; startedOn: string };
  ended: { person: { email: string }; endedOn: string } | null;
}

export const assignCommand: Command = {
  run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      options: { ...TODAY_OPTION, since: { type: 'string' }, acting: { type: 'boolean' } },
      allowPositionals: true,
    });
    const [unit, seat, person] = positionals;
    if (!unit || !seat || !person || positionals.length > 3) {
      throw badUsage('assign takes UNIT SEAT EMAIL');
    }
    const input = {
      unit,
      seat: oneOf('SEAT', seat, SEATS),
      person,
      startedOn: dayFrom('--since', values.since) ?? null,
      acting: values.acting ?? false,
    };
    const said = {
      'input.unit': 'UNIT',
      'input.seat': 'SEAT',
      'input.person': 'EMAIL',
      'input.startedOn': '--since',
      'input.acting': '--acting',
    };
    return reportWrite<AssignPayload>(io, values.today, ASSIGN, input, said, (p) => {
      const ended = p.ended ? `; ${p.ended.person.email} ended on ${p.ended.endedOn}` : '';
      const as = `${input.acting ? 'acting ' : ''}${input.seat}`;
      return `${p.assignment.person.email} is ${as} of ${unit} from ${p.assignment.startedOn}${ended}`;
    });
  },
};

const DEPART = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) {
  person { email departedOn } replacedDepartedOn endedSeats { seat unit { slug } }
  endedAorOwnerships { role aor { slug } } endedCandidacies { seat unit { slug } }
  endedMemberships { team { slug } }
  userErrors { path message }
} }`;
interface DepartPayload extends WritePayload {
  person: { email: string; departedOn: string };
  replacedDepartedOn: string | null;
  endedSeats: { seat: string; unit: { slug: string } }[];
  endedAorOwnerships: { role: string; aor: { slug: string } }[];
  endedCandidacies: { seat: string; unit: { slug: string } }[];
  endedMemberships: { team: { slug: string } }[];
}

/** Everything a departure ended, in one line: seats, AoR ownerships, candidacies, team. */
function endedByDeparture(p: DepartPayload): string {
  const ended = [
    ...p.endedSeats.map((s) => `${s.seat} of ${s.unit.slug}`),
    ...p.endedAorOwnerships.map(
      (o) => `${o.role === 'PRIMARY' ? 'owner' : 'backup'} of ${o.aor.slug}`,
    ),
    ...p.endedCandidacies.map((c) => `candidacy for ${c.seat} of ${c.unit.slug}`),
    ...p.endedMemberships.map((m) => `member of ${m.team.slug}`),
  ];
  return ended.join(', ') || 'nothing';
}

export const departCommand: Command = {
  run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      options: { ...TODAY_OPTION, on: { type: 'string' } },
      allowPositionals: true,
    });
    const [email] = positionals;
    if (!email || positionals.length > 1) throw badUsage('depart takes EMAIL');
    const input = { email, on: dayFrom('--on', values.on) ?? null };
    return reportWrite<DepartPayload>(
      io,
      values.today,
      DEPART,
      input,
      { 'input.email': 'EMAIL', 'input.on': '--on' },
      (p) => {
        const sooner = p.replacedDepartedOn
          ? ` (brought forward from ${p.replacedDepartedOn})`
          : '';
        return `${p.person.email} departed on ${p.person.departedOn}${sooner}; ended: ${endedByDeparture(p)}`;
      },
    );
  },
};
