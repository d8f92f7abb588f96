import fc from 'fast-check';
import { alertDeadlines, dueSteps, nextSlaDeadline, nextStepAt, orderedLadder, slaBreach, stepDueAt, type AlertSlaFacts } from './ladder';
import { DEFAULT_LADDER, LADDER_STEPS, type LadderStep, type LadderStepName } from './policy';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DUE = new Date('2026-12-20T00:00:00.000Z');
const at = (ms: number) => new Date(DUE.getTime() + ms);
const names = (steps: LadderStep[]) => steps.map((s) => s.step);
const none = new Set<LadderStepName>();

describe('the ladder', () => {
  it('puts each step its day after next due, and climbs in day order', () => {
    expect(stepDueAt(DUE, { step: 'watch', day: 14 })).toEqual(at(14 * DAY));
    const shuffled: LadderStep[] = [{ step: 'alert', day: 21 }, { step: 'nudge_2', day: 3 }, { step: 'watch', day: 10 }, { step: 'nudge_1', day: 0 }];
    expect(names(orderedLadder(shuffled))).toEqual(['nudge_1', 'nudge_2', 'watch', 'alert']);
  });

  it.each([
    ['nudge_1', 0],
    ['nudge_2', 7],
    ['watch', 14],
    ['alert', 30],
  ] as const)('%s comes due on day %i: not one millisecond before, exactly at', (step, day) => {
    const performedBefore = new Set(LADDER_STEPS.slice(0, LADDER_STEPS.indexOf(step)));
    expect(names(dueSteps(DUE, DEFAULT_LADDER, performedBefore, at(day * DAY - 1)))).toEqual([]);
    expect(names(dueSteps(DUE, DEFAULT_LADDER, performedBefore, at(day * DAY)))).toEqual([step]);
    expect(nextStepAt(DUE, DEFAULT_LADDER, performedBefore)).toEqual(at(day * DAY));
  });

  it('gives a late sweep every missed step once, in order, and never a performed one again', () => {
    expect(names(dueSteps(DUE, DEFAULT_LADDER, none, at(31 * DAY)))).toEqual(['nudge_1', 'nudge_2', 'watch', 'alert']);
    expect(names(dueSteps(DUE, DEFAULT_LADDER, new Set(['nudge_1', 'nudge_2']), at(31 * DAY)))).toEqual(['watch', 'alert']);
    expect(names(dueSteps(DUE, DEFAULT_LADDER, new Set(LADDER_STEPS), at(400 * DAY)))).toEqual([]);
    expect(nextStepAt(DUE, DEFAULT_LADDER, new Set(LADDER_STEPS))).toBeNull();
  });

  it('performing what is due at a few times equals performing what is due at the last one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -DAY, max: 40 * DAY }), { minLength: 1, maxLength: 6 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b).map(at);
        const performed = new Set<LadderStepName>();
        for (const now of times) for (const s of dueSteps(DUE, DEFAULT_LADDER, performed, now)) performed.add(s.step);
        const last = times[times.length - 1];
        expect([...performed].sort()).toEqual(names(dueSteps(DUE, DEFAULT_LADDER, none, last)).sort());
        const next = nextStepAt(DUE, DEFAULT_LADDER, performed);
        expect(next === null || next > last).toBe(true);
      }),
    );
  });
});

describe('SLA', () => {
  const opened = new Date('2027-01-19T02:00:00.000Z');
  const deadlines = alertDeadlines(opened, { slaAckHours: 48, slaFirstContactHours: 168 });
  const facts = (over: Partial<AlertSlaFacts> = {}): AlertSlaFacts => ({ ...deadlines, acknowledgedAt: null, firstContactAt: null, ...over });
  const after = (hours: number) => new Date(opened.getTime() + hours * HOUR);

  it('counts the deadlines from when the alert opened', () => {
    expect(deadlines).toEqual({ ackDueAt: after(48), firstContactDueAt: after(168) });
  });

  it('is breached on acknowledgement at the deadline, not a millisecond before', () => {
    expect(slaBreach(facts(), new Date(after(48).getTime() - 1))).toBeNull();
    expect(slaBreach(facts(), after(48))).toBe('ack');
    // Both missed: acknowledgement is named first.
    expect(slaBreach(facts(), after(200))).toBe('ack');
  });

  it('after a timely acknowledgement, is breached on first contact at its deadline', () => {
    const acknowledged = facts({ acknowledgedAt: after(1) });
    expect(slaBreach(acknowledged, after(100))).toBeNull();
    expect(slaBreach(acknowledged, new Date(after(168).getTime() - 1))).toBeNull();
    expect(slaBreach(acknowledged, after(168))).toBe('first_contact');
    expect(slaBreach(facts({ acknowledgedAt: after(1), firstContactAt: after(5) }), after(500))).toBeNull();
  });

  it('counts down to acknowledgement, then to first contact, then to nothing', () => {
    expect(nextSlaDeadline(facts())).toEqual({ kind: 'ack', at: after(48) });
    expect(nextSlaDeadline(facts({ acknowledgedAt: after(1) }))).toEqual({ kind: 'first_contact', at: after(168) });
    expect(nextSlaDeadline(facts({ acknowledgedAt: after(1), firstContactAt: after(2) }))).toBeNull();
  });
});
