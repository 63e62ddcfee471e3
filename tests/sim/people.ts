/**
 * What the people of the simulated network do between ticks, in working hours. The secretariat types
 * meetings, approvals, action points and members into the tabs (the edit trigger fires once, twice or
 * not at all); plans, holds, approves and edits meetings and records and edits decisions from the
 * sidebar; circulates minutes by hand from the preview; emails the member list. Members run reports.
 * A sidebar is opened before the tick and saved after it, as if at the same moment: what it read may
 * be stale by then (refused with the row as it stands, and saved again), another execution may hold
 * the lock (tried again next hour), and the save may be killed (the person looks before saving again).
 */
import type { DecodedTable } from '../../src/domain/codec';
import { addDays, type IsoDay } from '../../src/domain/dates';
import { recordVersion, savedDecision } from '../../src/domain/edits';
import type { MeetingInput, RecordDecisionResult, SavedMeeting, SaveMeetingResult } from '../../src/domain/rpc';
import { decodeNetwork } from '../../src/domain/network';
import {
  ActionsTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  TABLES,
  type RecordOf,
  type TableDef,
} from '../../src/domain/tables';
import type { GasFake } from '../fakes/gas';
import { gridOf } from '../domain/rules/support';
import type { Script } from '../support/bundle';
import { SECRETARIAT } from './network';
import type { ExecuteOptions, Fault, Outcome } from './year';

/** What the people need of the simulation. */
export interface Sim {
  readonly fake: GasFake;
  readonly script: Script;
  readonly today: IsoDay;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  records<T extends TableDef>(def: T): DecodedTable<RecordOf<T>>;
  execute(what: string, fn: () => unknown, options?: ExecuteOptions): Outcome;
  randomFault(): Fault;
  withLockHeld<T>(fn: () => T): T;
  /** Fields of a row that must still hold these values at the end. */
  expect(def: TableDef, id: string, fields: Record<string, unknown>): void;
  /** A member's answer was taken: it must reach Answers, under the same agency. */
  answered(answer: { consultation: string; agency: string; answer: string; answeredBy: string }): void;
  /** The minutes of this meeting are approved: the add-on owes their circulation. */
  owe(meeting: string): void;
  violation(text: string): void;
}

/** A save waiting for the tick to pass: done, or to try again at the next hour. */
type Save = () => 'done' | 'again';
type SaveResult = RecordDecisionResult | SaveMeetingResult;

export function meetingInput({ meeting, version }: SavedMeeting): MeetingInput {
  return {
    id: meeting.id,
    version,
    date: meeting.date,
    kind: meeting.kind,
    mode: meeting.mode ?? '',
    title: meeting.title,
    chairedBy: meeting.chairedBy,
    status: meeting.status,
    agendaCirculatedOn: meeting.agendaCirculatedOn ?? '',
    attendees: meeting.attendees,
    minutesLink: meeting.minutesLink,
    minutesApprovedOn: meeting.minutesApprovedOn ?? '',
  };
}

export class People {
  readonly stats = {
    typedMeetings: 0,
    plannedMeetings: 0,
    heldMeetings: 0,
    approvals: 0,
    meetingEdits: 0,
    agendasLinked: 0,
    meetingsMoved: 0,
    meetingsCancelled: 0,
    actions: 0,
    closedActions: 0,
    decisions: 0,
    decisionEdits: 0,
    staleSaves: 0,
    killedSaves: 0,
    members: 0,
    leavers: 0,
    reports: 0,
    sharedByHand: 0,
    circulatedByHand: 0,
    consultations: 0,
    answers: 0,
    lateAnswers: 0,
    closedByHand: 0,
    withdrawn: 0,
  };
  /** The consultations opened, with their deadline and kind. */
  private readonly consultations: { id: string; deadline: IsoDay; kind: 'No objection' | 'Approval' }[] = [];
  /** Meetings planned from the sidebar, held once their day has come. */
  private readonly planned: { id: string; date: IsoDay }[] = [];
  /** Meetings held and not yet approved, with the day their minutes get approved. */
  private readonly toApprove: { id: string; on: IsoDay }[] = [];
  private readonly sidebarDecisions: string[] = [];
  private saves: { what: string; save: Save; tries: number; wait: number }[] = [];
  private nextMember = 1;
  private nextTitle = 1;

  constructor(private readonly sim: Sim) {}

  work(at: Date): void {
    const workday = at.getDay() !== 0 && at.getDay() !== 6 && at.getHours() >= 8 && at.getHours() < 18;
    if (!workday) return;
    const { sim } = this;
    const today = sim.today;
    if (sim.chance(0.01)) this.typeMeeting();
    if (sim.chance(0.01)) this.planMeeting();
    const held = this.planned.findIndex((m) => m.date <= today);
    if (held >= 0 && sim.chance(0.3)) this.holdMeeting(this.planned.splice(held, 1)[0]!.id);
    const due = this.toApprove.findIndex((m) => m.on <= today);
    if (due >= 0 && sim.chance(0.3)) this.approveMinutes(this.toApprove.splice(due, 1)[0]!.id);
    if (sim.chance(0.01)) this.editMeeting();
    if (sim.chance(0.03)) this.moveOrCancelMeeting();
    if (sim.chance(0.05)) this.addAction();
    if (sim.chance(0.03)) this.closeAction();
    if (sim.chance(0.02)) this.recordDecision();
    if (sim.chance(0.01)) this.editDecision(at);
    if (sim.chance(0.01)) this.circulateByHand();
    if (sim.chance(0.01)) this.memberJoins();
    if (sim.chance(0.004)) this.memberLeaves();
    if (sim.chance(0.03)) this.runReport();
    if (sim.chance(0.002)) this.shareMemberList();
    if (sim.chance(0.02)) this.openConsultation();
    if (this.consultations.length > 0 && sim.chance(0.05)) this.answerConsultation();
    if (sim.chance(0.05)) this.closeApproval();
    if (sim.chance(0.01)) this.withdrawConsultation();
  }

  /** The saves of sidebars opened before the tick; sometimes another execution still holds the lock. */
  afterTick(): void {
    const saves = this.saves;
    this.saves = [];
    for (const s of saves) {
      if (--s.wait > 0) {
        this.saves.push(s);
        continue;
      }
      const result = this.sim.chance(0.2) ? this.sim.withLockHeld(s.save) : s.save();
      if (result === 'done') continue;
      s.wait = 1;
      if (++s.tries < 24) this.saves.push(s);
      else this.sim.violation(`${s.what} could not be saved in 24 tries`);
    }
  }

  // ---------- helpers ----------

  /** Saved after the next tick, or after several when the person leaves the sidebar open (over the night, at times). */
  private later(what: string, save: Save, wait = this.sim.chance(0.3) ? this.sim.int(2, 16) : 1): void {
    this.saves.push({ what, save, tries: 0, wait });
  }

  /** A google.script.run call from a sidebar, which may be killed between two service calls. */
  private rpc(name: string, input: unknown): Outcome {
    const fault: Fault | null = this.sim.chance(0.05) ? { kind: 'kill-at-call', at: this.sim.int(1, 40) } : null;
    const outcome = this.sim.execute(name, () => this.sim.script[name]!(input), { ui: true, fault });
    if (outcome.ended === 'killed') this.stats.killedSaves++;
    return outcome;
  }

  private network() {
    return decodeNetwork(
      Object.fromEntries(
        TABLES.filter((t) => this.sim.fake.sheetNames().includes(t.name)).map((t) => [
          t.name,
          this.sim.fake.sheetValues(t.name),
        ]),
      ),
    );
  }

  private savedMeeting(id: string): SavedMeeting | null {
    const found = this.sim.records(MeetingsTable).records.find((m) => m.id === id);
    if (found === undefined) return null;
    const { row: _row, invalid: _invalid, ...meeting } = found;
    return { meeting, version: recordVersion(MeetingsTable, meeting) };
  }

  /** A save the sidebar refused: stale (it saves again from the row as it stands), or a violation. */
  private refused(what: string, result: SaveResult): 'stale' | 'refused' {
    if (!result.ok && result.current !== undefined) {
      this.stats.staleSaves++;
      return 'stale';
    }
    this.sim.violation(`${what} was refused: ${JSON.stringify(result)}`);
    return 'refused';
  }

  /** A record a killed save may or may not have written: it is there whole (with its Log row), or not at all. */
  private landed(def: TableDef, id: string | undefined, event: string): boolean {
    if (id === undefined) return false;
    const logged = this.sim.records(LogTable).records.some((e) => e.event === event && e.ref === id);
    if (!logged) this.sim.violation(`a killed save left ${def.name} ${id} without its "${event}" Log row`);
    return true;
  }

  /** The next free ID of a tab for a record typed by hand: after the highest of its year in the tab and the Log. */
  private nextId(def: TableDef, prefix: string, digits: number): string {
    const year = this.sim.today.slice(0, 4);
    const pattern = new RegExp(`^${prefix}-${year}-(\\d+)$`);
    const numbers = [
      ...this.sim.records(def).records.map((r) => String((r as Record<string, unknown>).id)),
      ...this.sim.records(LogTable).records.map((e) => e.ref),
    ].map((id) => Number(pattern.exec(id)?.[1] ?? 0));
    return `${prefix}-${year}-${String(Math.max(0, ...numbers) + 1).padStart(digits, '0')}`;
  }

  /** Types a record below the last row, as a person would (no service call counted). */
  private append(def: TableDef, record: Record<string, unknown>, id: string): void {
    const rows = this.sim.fake.sheetValues(def.name).length;
    this.sim.fake.setSheetValues(def.name, gridOf(def, [record]).slice(1), rows + 1);
    this.sim.expect(def, id, record);
  }

  /** Types one cell of the row holding `id`; returns the row, or null when the row is gone. */
  private typeCell(def: TableDef, id: string, field: string, value: unknown): number | null {
    const table = this.sim.records(def);
    const record = table.records.find(
      (r) => String((r as Record<string, unknown>)[def === MembersTable ? 'agency' : 'id']) === id,
    );
    const at = table.header?.index.get(field);
    if (!record || at === undefined) return null;
    const column = (def.columns as Record<string, { encode(v: never): unknown }>)[field]!;
    this.sim.fake.setSheetValues(def.name, [[column.encode(value as never) as never]], record.row, at + 1);
    this.sim.expect(def, id, { [field]: value });
    return record.row;
  }

  private activeMembers(): string[] {
    return this.sim
      .records(MembersTable)
      .records.filter((m) => m.status === 'Active')
      .map((m) => m.agency);
  }

  // ---------- meetings ----------

  /** A meeting held today, typed whole into the Meetings tab. */
  private typeMeeting(): void {
    const { today } = this.sim;
    const id = this.nextId(MeetingsTable, 'M', 2);
    this.append(
      MeetingsTable,
      {
        id,
        date: today,
        kind: 'Regular',
        mode: 'Online',
        title: `Meeting ${id}`,
        status: 'Held',
        chairedBy: ['IOM'],
        agendaCirculatedOn: addDays(today, -7),
        attendees: this.activeMembers(),
        minutesLink: `https://docs.example/${id}`,
      },
      id,
    );
    this.toApprove.push({ id, on: addDays(today, this.sim.int(2, 11)) });
    this.stats.typedMeetings++;
  }

  /** A meeting planned from the sidebar's Meetings panel, some days ahead. */
  private planMeeting(): void {
    const title = `Planned meeting ${this.nextTitle++}`;
    const date = addDays(this.sim.today, this.sim.int(5, 30));
    const input: MeetingInput = {
      id: '',
      version: '',
      date,
      kind: 'Regular',
      mode: 'Online',
      title,
      chairedBy: ['IOM'],
      status: 'Planned',
      agendaCirculatedOn: '',
      attendees: [],
      minutesLink: '',
      minutesApprovedOn: '',
    };
    const adopt = (id: string) => {
      this.sim.expect(MeetingsTable, id, { id, date, title, status: 'Planned' });
      this.planned.push({ id, date });
      this.stats.plannedMeetings++;
      // Most agendas are linked when the meeting is planned: the tick then circulates them with the invitation.
      if (this.sim.chance(0.7) && this.typeCell(MeetingsTable, id, 'agendaLink', `https://docs.example/agenda-${id}`))
        this.stats.agendasLinked++;
    };
    this.saveNew('saveMeeting', input, MeetingsTable, title, 'Meeting planned', adopt);
  }

  /** A new record saved from the sidebar after the tick; after a kill, the person looks for it by its title before saving again. */
  private saveNew(
    name: string,
    input: unknown,
    def: TableDef,
    title: string,
    event: string,
    adopt: (id: string, actions?: readonly string[]) => void,
  ): void {
    this.later(`${name} (${title})`, () => {
      const outcome = this.rpc(name, input);
      if (outcome.ended === 'killed') {
        const id = this.sim.records(def).records.find((r) => (r as { title?: string }).title === title) as
          { id: string } | undefined;
        if (!this.landed(def, id?.id, event)) return 'again';
        adopt(id!.id);
        return 'done';
      }
      if (outcome.ended !== 'ok') return 'again';
      const result = outcome.value as SaveResult;
      if (result.ok) adopt(result.id, 'actions' in result ? result.actions : undefined);
      else this.refused(`${name} (${title})`, result);
      return 'done';
    });
  }

  /**
   * A change to a meeting from the Meetings panel, opened now and saved after the tick: refused when
   * the tick wrote into the row in between, and made again on the row as it then stands.
   */
  private updateMeeting(
    id: string,
    what: string,
    change: (m: MeetingInput) => MeetingInput,
    done: (m: MeetingInput) => void,
  ): void {
    const opened = this.savedMeeting(id);
    if (opened === null) return this.sim.violation(`meeting ${id} is gone from the Meetings tab`);
    let input = change(meetingInput(opened));
    this.later(`${what} (${id})`, () => {
      const outcome = this.rpc('saveMeeting', input);
      if (outcome.ended === 'killed') {
        const now = this.savedMeeting(id);
        if (now !== null && JSON.stringify(meetingInput(now)) === JSON.stringify({ ...input, version: now.version })) {
          done(input);
          return 'done';
        }
      }
      if (outcome.ended !== 'ok') return 'again';
      const result = outcome.value as SaveResult;
      if (result.ok) {
        done(input);
        return 'done';
      }
      if (this.refused(`${what} (${id})`, result) === 'refused') return 'done';
      input = change(meetingInput(result.current as SavedMeeting));
      return 'again';
    });
  }

  /** The day of a planned meeting has come: it is marked Held with its attendance and minutes link. */
  private holdMeeting(id: string): void {
    const attendees = this.activeMembers();
    const change = (m: MeetingInput): MeetingInput => ({
      ...m,
      status: 'Held',
      agendaCirculatedOn:
        m.agendaCirculatedOn !== ''
          ? m.agendaCirculatedOn
          : addDays(m.date, -7) <= this.sim.today
            ? addDays(m.date, -7)
            : m.date,
      attendees,
      minutesLink: `https://docs.example/${id}`,
    });
    this.updateMeeting(id, 'hold a meeting', change, (m) => {
      this.sim.expect(MeetingsTable, id, {
        status: 'Held',
        attendees: m.attendees,
        minutesLink: m.minutesLink,
        agendaCirculatedOn: m.agendaCirculatedOn,
      });
      this.toApprove.push({ id, on: addDays(this.sim.today, this.sim.int(2, 11)) });
      this.stats.heldMeetings++;
    });
  }

  /** The members approve the minutes: typed in the tab (the edit trigger fires, or does not), or saved from the panel. */
  private approveMinutes(id: string): void {
    const today = this.sim.today;
    if (this.sim.chance(0.5)) {
      const approve = (m: MeetingInput): MeetingInput => ({ ...m, minutesApprovedOn: today });
      this.updateMeeting(id, 'approve minutes', approve, () => {
        this.sim.expect(MeetingsTable, id, { minutesApprovedOn: today });
        this.sim.owe(id);
        this.stats.approvals++;
      });
      return;
    }
    // The Meetings panel is open on this meeting while the approval is typed and the trigger sends the minutes.
    if (this.sim.chance(0.3)) this.retitle(id);
    const row = this.typeCell(MeetingsTable, id, 'minutesApprovedOn', today);
    if (row === null) return this.sim.violation(`meeting ${id} is gone from the Meetings tab`);
    this.sim.owe(id);
    this.stats.approvals++;
    // The secretariat opens "Circulate minutes now" before the edit trigger has sent them.
    if (this.sim.chance(0.3)) this.circulateByHand();
    const column = this.sim.records(MeetingsTable).header!.index.get('minutesApprovedOn')! + 1;
    const fires = this.sim.chance(0.1) ? 0 : this.sim.chance(0.1) ? 2 : 1;
    for (let i = 0; i < fires; i++) {
      this.sim.execute(
        'onEditInstalled',
        () => {
          const range = this.sim.fake.globals.SpreadsheetApp.getActive()
            .getSheetByName(MeetingsTable.name)!
            .getRange(row, column);
          this.sim.script.onEditInstalled!({ range });
        },
        { fault: this.sim.randomFault() },
      );
    }
  }

  /** A new title for a held meeting, often one whose minutes are about to be approved and circulated. */
  private editMeeting(): void {
    const held = this.sim.records(MeetingsTable).records.filter((m) => m.status === 'Held');
    const soon = held.filter(
      (m) =>
        this.toApprove.some((a) => a.id === m.id) || (m.minutesApprovedOn !== null && m.minutesCirculatedOn === null),
    );
    const meeting =
      soon.length > 0 && this.sim.chance(0.8) ? this.sim.pick(soon) : held.length > 0 ? this.sim.pick(held) : undefined;
    if (meeting !== undefined) this.retitle(meeting.id);
  }

  /**
   * A planned meeting moves by a few days, or is cancelled, typed into the tab: after its agenda went
   * out, the tick owes one update of the invitation, or its cancellation.
   */
  private moveOrCancelMeeting(): void {
    const today = this.sim.today;
    const ahead = this.planned.filter((m) => m.date > addDays(today, 1));
    const invited = new Set(
      this.sim
        .records(MeetingsTable)
        .records.filter((m) => m.agendaCirculatedOn !== null)
        .map((m) => m.id),
    );
    const sent = ahead.filter((m) => invited.has(m.id));
    if (ahead.length === 0) return;
    const meeting = this.sim.pick(sent.length > 0 && this.sim.chance(0.8) ? sent : ahead);
    if (this.sim.chance(0.3)) {
      if (this.typeCell(MeetingsTable, meeting.id, 'status', 'Cancelled') === null) return;
      this.planned.splice(this.planned.indexOf(meeting), 1);
      this.stats.meetingsCancelled++;
      return;
    }
    const date = addDays(meeting.date, this.sim.int(1, 7));
    if (this.typeCell(MeetingsTable, meeting.id, 'date', date) === null) return;
    meeting.date = date;
    this.stats.meetingsMoved++;
  }

  private retitle(id: string): void {
    const title = `Meeting ${id}, revised ${this.sim.today}`;
    this.updateMeeting(
      id,
      'retitle a meeting',
      (m) => ({ ...m, title }),
      () => {
        this.sim.expect(MeetingsTable, id, { title });
        this.stats.meetingEdits++;
      },
    );
  }

  /** The secretariat opens "Circulate minutes now" before the tick and confirms after it: what the tick sent is not sent again. */
  private circulateByHand(): void {
    const preview = this.sim.execute('getCirculationPreview', () => this.sim.script.getCirculationPreview!(), {
      ui: true,
    });
    if (preview.ended !== 'ok') return;
    const ids = (preview.value as { meetings: { id: string }[] }).meetings.map((m) => m.id);
    if (ids.length === 0) return;
    this.later(`confirmCirculation (${ids.join(', ')})`, () => {
      const outcome = this.sim.execute(
        'confirmCirculation',
        () => this.sim.script.confirmCirculation!({ meetings: ids }),
        { ui: true, fault: this.sim.randomFault() },
      );
      if (outcome.ended === 'ok') this.stats.circulatedByHand++;
      return outcome.ended === 'busy' ? 'again' : 'done';
    });
  }

  // ---------- action points ----------

  private addAction(): void {
    const id = this.nextId(ActionsTable, 'A', 3);
    const owner = this.sim.pick(this.activeMembers());
    this.append(
      ActionsTable,
      {
        id,
        source: 'D-2026-01',
        action: `Action ${id}`,
        owner,
        due: addDays(this.sim.today, this.sim.int(-10, 29)),
        status: 'Open',
      },
      id,
    );
    this.stats.actions++;
  }

  private closeAction(): void {
    const open = this.sim.records(ActionsTable).records.filter((a) => a.status === 'Open');
    if (open.length === 0) return;
    this.typeCell(ActionsTable, this.sim.pick(open).id, 'status', this.sim.chance(0.8) ? 'Done' : 'Dropped');
    this.stats.closedActions++;
  }

  // ---------- decisions ----------

  /** A decision recorded from the sidebar, with follow-up actions owned by members. */
  private recordDecision(): void {
    const { today } = this.sim;
    const title = `Decision ${this.nextTitle++} of ${today}`;
    const members = this.activeMembers();
    const actions = Array.from({ length: this.sim.int(0, 2) }, (_, i) => ({
      id: '',
      action: `Follow up ${i + 1} of ${title}`,
      owner: this.sim.pick(members),
      due: addDays(today, this.sim.int(1, 30)),
    }));
    const input = {
      date: today,
      meeting: '',
      kind: 'General',
      title,
      decision: 'The members agree.',
      subject: '',
      consulted: members,
      objections: [],
      outcome: 'Adopted',
      stateRelevant: false,
      stateConsultedOn: '',
      gcmObjectives: [],
      actions,
      // The person has read the sidebar's ToR guidance and records anyway.
      confirmed: true,
    };
    const adopt = (id: string, actionIds?: readonly string[]) => {
      const saved =
        actionIds ??
        this.sim
          .records(ActionsTable)
          .records.filter((a) => a.source === id)
          .map((a) => a.id);
      this.sim.expect(DecisionsTable, id, { id, title, date: today, decision: input.decision });
      saved.forEach((a, i) =>
        this.sim.expect(ActionsTable, a, {
          id: a,
          source: id,
          owner: actions[i]!.owner,
          due: actions[i]!.due,
          status: 'Open',
        }),
      );
      if (saved.length !== actions.length)
        this.sim.violation(`${id} was recorded with ${saved.length} of its ${actions.length} follow-up actions`);
      this.sidebarDecisions.push(id);
      this.stats.decisions++;
    };
    this.saveNew('recordDecision', input, DecisionsTable, title, 'Decision recorded', adopt);
  }

  /**
   * A decision amended from the sidebar with an open action put back a week, opened before the tick
   * and saved after: the tick's reminder changes the version, so the save is made again as it stands.
   */
  private editDecision(at: Date): void {
    const { today } = this.sim;
    // In the evening, often one whose action the first tick of tomorrow reminds: the sidebar stays open overnight.
    const remindedTomorrow = this.sidebarDecisions.filter((d) =>
      this.sim
        .records(ActionsTable)
        .records.some(
          (a) =>
            a.source === d &&
            a.status === 'Open' &&
            a.due !== null &&
            a.due <= addDays(today, 8) &&
            (a.lastRemindedOn === null || a.lastRemindedOn <= addDays(today, -6)),
        ),
    );
    const overnight = at.getHours() >= 16 && remindedTomorrow.length > 0 && this.sim.chance(0.7);
    if (this.sidebarDecisions.length === 0) return;
    const id = this.sim.pick(overnight ? remindedTomorrow : this.sidebarDecisions);
    const text = `The members agree (amendment ${this.nextTitle++}).`;
    const inputOf = (network: ReturnType<People['network']>) => {
      const saved = savedDecision(network, id);
      if (saved === null) return null;
      const { decision, actions, version } = saved;
      const moved = actions.find((a) => a.status === 'Open' && a.due !== null);
      return {
        moved: moved === undefined ? null : { id: moved.id, due: addDays(moved.due!, 7) },
        input: {
          id,
          version,
          date: decision.date,
          meeting: decision.meeting,
          kind: decision.kind,
          title: decision.title,
          decision: text,
          subject: decision.subject,
          consulted: decision.consulted,
          objections: decision.objections,
          outcome: decision.outcome,
          stateRelevant: decision.stateRelevant ?? false,
          stateConsultedOn: decision.stateConsultedOn ?? '',
          gcmObjectives: decision.gcmObjectives,
          actions: actions.map((a) => ({
            id: a.id,
            action: a.action,
            owner: a.owner,
            due: a.id === moved?.id ? addDays(a.due!, 7) : (a.due ?? ''),
          })),
          confirmed: true,
        },
      };
    };
    let form = inputOf(this.network());
    if (form === null) return this.sim.violation(`decision ${id} is gone from the Decisions tab`);
    const done = () => {
      this.sim.expect(DecisionsTable, id, { decision: text });
      if (form!.moved) this.sim.expect(ActionsTable, form!.moved.id, { due: form!.moved.due });
      this.stats.decisionEdits++;
    };
    const save: Save = () => {
      const outcome = this.rpc('updateDecision', form!.input);
      if (outcome.ended === 'killed') {
        const now = savedDecision(this.network(), id);
        const moved = form!.moved;
        if (
          now?.decision.decision === text &&
          (moved === null || now.actions.find((a) => a.id === moved.id)?.due === moved.due)
        ) {
          done();
          return 'done';
        }
      }
      if (outcome.ended !== 'ok') return 'again';
      const result = outcome.value as SaveResult;
      if (result.ok) {
        done();
        return 'done';
      }
      if (this.refused(`updateDecision (${id})`, result) === 'refused') return 'done';
      form = inputOf(this.network());
      return form === null ? 'done' : 'again';
    };
    this.later(`updateDecision (${id})`, save, overnight ? 24 - at.getHours() + 9 : undefined);
  }

  // ---------- members and reports ----------

  private memberJoins(): void {
    const agency = `AG${this.nextMember++}`;
    this.append(
      MembersTable,
      { agency, name: `Agency ${agency}`, roles: ['Member'], status: 'Active', joinedOn: this.sim.today },
      agency,
    );
    this.append(
      FocalPointsTable,
      { agency, name: `Focal ${agency}`, email: `focal.${agency.toLowerCase()}@un.org`, kind: 'Primary', active: true },
      agency,
    );
    this.stats.members++;
  }

  private memberLeaves(): void {
    const joined = this.activeMembers().filter((a) => a.startsWith('AG'));
    if (joined.length === 0) return;
    this.typeCell(MembersTable, this.sim.pick(joined), 'status', 'Withdrawn');
    this.stats.leavers++;
  }

  /** A member's focal point runs a report from the menu. */
  private runReport(): void {
    const focal = this.sim.records(FocalPointsTable).records.filter((f) => f.active);
    const user = this.sim.pick(focal).email;
    const command = this.sim.pick([
      'reportMemberList',
      'reportActionTracker',
      'reportWorkplanProgress',
      'reportGcmSummary',
      'reportAnnualReview',
    ]);
    this.sim.fake.ui.answer({ button: 'OK', text: this.sim.today.slice(0, 4) });
    this.sim.execute(command, () => this.sim.script[command]!(), { user, ui: true });
    this.stats.reports++;
  }

  /** The secretariat emails the member list to the network: sent by hand, logged once sent. */
  private shareMemberList(): void {
    const outcome = this.sim.execute('shareMemberList', () => this.sim.script.shareMemberList!(), {
      user: SECRETARIAT,
      ui: true,
      manual: true,
    });
    if (outcome.ended === 'ok') this.stats.sharedByHand++;
  }

  /** The secretariat opens a written consultation from the sidebar, a deadline one to two weeks ahead. */
  private openConsultation(): void {
    const kind = this.sim.pick(['No objection', 'Approval'] as const);
    const deadline = addDays(this.sim.today, this.sim.int(7, 14));
    const outcome = this.rpc('openConsultation', {
      title: `Consultation ${this.nextTitle++}`,
      proposal: 'A <proposal> & its terms.',
      kind,
      deadline,
    });
    if (outcome.ended !== 'ok') return;
    const result = outcome.value as { ok: boolean; id?: string; errors?: string[] };
    if (!result.ok || result.id === undefined) {
      this.sim.violation(`opening a consultation was refused: ${result.errors?.join('; ') ?? ''}`);
      return;
    }
    this.consultations.push({ id: result.id, deadline, kind });
    this.stats.consultations++;
  }

  /** A focal point, of a member active or not, answers a consultation, sometimes after its deadline. */
  private answerConsultation(): void {
    const open = this.consultations.filter((x) => x.deadline >= this.sim.today);
    const c = this.sim.pick(open.length > 0 && this.sim.chance(0.8) ? open : this.consultations);
    const focal = this.sim.records(FocalPointsTable).records.filter((f) => f.active && f.email !== '');
    const { agency, email } = this.sim.pick(focal);
    const answer = this.sim.pick(['Approve', 'No objection', 'Object', 'Abstain'] as const);
    const input = { id: c.id, answer, comment: answer === 'Object' ? `${agency} objects <here>.` : '' };
    const fault: Fault | null = this.sim.chance(0.05) ? { kind: 'kill-at-call', at: this.sim.int(1, 20) } : null;
    const outcome = this.sim.execute('answerConsultation', () => this.sim.script.answerConsultation!(input), {
      user: email,
      ui: true,
      fault,
    });
    if (outcome.ended !== 'ok') return;
    const result = outcome.value as { ok: boolean };
    const member = this.sim.records(MembersTable).records.find((m) => m.agency === agency);
    const late = this.sim.today > c.deadline;
    if (result.ok && late)
      this.sim.violation(`${email} answered ${c.id} on ${this.sim.today}, after its deadline ${c.deadline}`);
    if (result.ok && member?.status !== 'Active')
      this.sim.violation(`${email} answered ${c.id} for ${agency}, which is not an active member`);
    if (late) this.stats.lateAnswers++;
    if (!result.ok) return;
    this.stats.answers++;
    this.sim.answered({ consultation: c.id, agency, answer, answeredBy: email });
  }

  /** The secretariat withdraws an open consultation, with a reason, before its deadline. */
  private withdrawConsultation(): void {
    const open = this.sim
      .records(ConsultationsTable)
      .records.filter((c) => c.status === 'Open' && c.deadline >= this.sim.today);
    if (open.length === 0) return;
    const outcome = this.rpc('withdrawConsultation', { id: this.sim.pick(open).id, reason: 'Overtaken <by events>' });
    if (outcome.ended === 'ok' && (outcome.value as { changed?: boolean }).changed === true) this.stats.withdrawn++;
  }

  /** The secretariat closes an Approval consultation whose deadline has passed (a No objection one closes by itself). */
  private closeApproval(): void {
    const open = this.sim
      .records(ConsultationsTable)
      .records.filter((c) => c.status === 'Open' && c.kind === 'Approval' && c.deadline < this.sim.today);
    if (open.length === 0) return;
    const outcome = this.rpc('closeConsultation', { id: this.sim.pick(open).id });
    if (outcome.ended === 'ok') this.stats.closedByHand++;
  }
}
