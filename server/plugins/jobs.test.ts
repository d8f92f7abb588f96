import { Cron } from 'croner';
import { jobSchedules } from './jobs';

const runsFrom = (pattern: string, from: string) =>
  new Cron(pattern, { paused: true }).nextRuns(3, new Date(from)).map((d) => d.toISOString().slice(11, 19));

describe('job schedules', () => {
  it('runs the sweep at second 0 and the outbox at second 30 of every minute by default', () => {
    const { sweep, outbox } = jobSchedules(60);
    expect(runsFrom(sweep, '2026-06-01T16:00:00.500Z')).toEqual(['16:01:00', '16:02:00', '16:03:00']);
    expect(runsFrom(outbox, '2026-06-01T16:00:00.500Z')).toEqual(['16:00:30', '16:01:30', '16:02:30']);
  });

  it('runs both every interval when given a shorter one, the outbox half an interval later', () => {
    expect(runsFrom(jobSchedules(10).sweep, '2026-06-01T16:00:00.500Z')).toEqual(['16:00:10', '16:00:20', '16:00:30']);
    expect(runsFrom(jobSchedules(10).outbox, '2026-06-01T16:00:00.500Z')).toEqual(['16:00:05', '16:00:15', '16:00:25']);
    expect(runsFrom(jobSchedules(1).sweep, '2026-06-01T16:00:00.500Z')).toEqual(['16:00:01', '16:00:02', '16:00:03']);
    expect(runsFrom(jobSchedules(1).outbox, '2026-06-01T16:00:00.500Z')).toEqual(['16:00:01', '16:00:02', '16:00:03']);
  });
});
