import SQLite from 'better-sqlite3';

export type WriteKind = 'checkin' | 'letter' | 'notification_read';

export interface Persona {
  accountId: string;
  role: 'student' | 'sponsor';
  /** An active sponsorship of theirs, for letters. */
  sponsorshipId: string;
  token: string;
}

/** One write as a phone's outbox holds it: the key and body never change across retries. */
export interface PlannedWrite {
  kind: WriteKind;
  persona: Persona;
  path: string;
  body: Record<string, unknown> | null;
  key: string;
  /** The notification a read marks. */
  notificationId?: string;
}

/** Marks every row a write creates, so the database can be asked which keys left how many rows. */
export const rowMarker = (key: string) => `ref ${key}`;
export const keyPattern = (runId: string) => new RegExp(`ct-${runId}-\\d+`);

/**
 * Both sides of a few active sponsorships of the seeded demo data, so that one persona's letters
 * fill another's inbox (notification reads need unread notifications).
 */
export function pickPersonas(dbFile: string, sponsorships: number): Omit<Persona, 'token'>[] {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `select sp.id as sponsorshipId, st.account_id as studentAccountId, so.account_id as sponsorAccountId from sponsorships sp
         join students st on st.id = sp.student_id join sponsors so on so.id = sp.sponsor_id
         where sp.status = 'active' and st.account_id is not null order by sp.id limit ?`,
      )
      .all(sponsorships) as { sponsorshipId: string; studentAccountId: string; sponsorAccountId: string }[];
    const personas = new Map<string, Omit<Persona, 'token'>>();
    for (const row of rows) {
      personas.set(row.studentAccountId, { accountId: row.studentAccountId, role: 'student', sponsorshipId: row.sponsorshipId });
      if (!personas.has(row.sponsorAccountId)) personas.set(row.sponsorAccountId, { accountId: row.sponsorAccountId, role: 'sponsor', sponsorshipId: row.sponsorshipId });
    }
    return [...personas.values()];
  } finally {
    db.close();
  }
}

async function call(baseUrl: string, path: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Signs a persona in with the demo login (the session outlives server restarts: it is in the database). */
export async function signIn(baseUrl: string, persona: Omit<Persona, 'token'>): Promise<Persona> {
  const session = (await call(baseUrl, '/api/auth/demo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: persona.accountId }),
  })) as { token: string };
  return { ...persona, token: session.token };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

/** Unread notifications of the personas, each handed to one read at most; refilled from the inboxes when empty. */
class Inboxes {
  private unread: { persona: Persona; id: string }[] = [];
  private handedOut = new Set<string>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly baseUrl: () => string,
    private readonly personas: Persona[],
  ) {}

  async take(): Promise<{ persona: Persona; id: string } | null> {
    if (this.unread.length === 0) await (this.refreshing ??= this.refresh().finally(() => (this.refreshing = null)));
    const taken = this.unread.splice(Math.floor(Math.random() * this.unread.length), 1)[0];
    if (taken) this.handedOut.add(taken.id);
    return taken ?? null;
  }

  private async refresh(): Promise<void> {
    for (const persona of this.personas) {
      // The server may be down for a restart: a few tries, then this persona is left out this time.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          const inbox = (await call(this.baseUrl(), '/api/notifications?limit=100', { headers: { authorization: `Bearer ${persona.token}` } })) as {
            items: { id: string; readAt: string | null }[];
          };
          for (const n of inbox.items) if (!n.readAt && !this.handedOut.has(n.id)) this.unread.push({ persona, id: n.id });
          break;
        } catch {
          await sleep(500);
        }
      }
    }
  }
}

const LETTER_TEXT = {
  student: '这周学习很顺利，数学测验有进步，谢谢您一直以来的鼓励。',
  sponsor: '收到你的近况很高兴，照顾好自己，继续加油！',
};

/**
 * A random mix like the phones send: about 20% notification reads, 40% check-ins, 40% letters from
 * students and sponsors. A read takes an unread notification when it is about to be sent (the
 * letters of the run keep the inboxes filled); with none to be had it becomes a check-in.
 */
export class Workload {
  private readonly inboxes: Inboxes;
  private readonly students: Persona[];
  readonly kinds: WriteKind[];

  constructor(
    private readonly personas: Persona[],
    total: number,
    private readonly runId: string,
    baseUrl: () => string,
  ) {
    this.inboxes = new Inboxes(baseUrl, personas);
    this.students = personas.filter((p) => p.role === 'student');
    if (this.students.length === 0) throw new Error('no student persona: the demo data has no student with an active sponsorship');
    this.kinds = Array.from({ length: total }, () => {
      const roll = Math.random();
      return roll < 0.2 ? 'notification_read' : roll < 0.6 ? 'checkin' : 'letter';
    });
  }

  async write(index: number): Promise<PlannedWrite> {
    const key = `ct-${this.runId}-${index}`;
    const kind = this.kinds[index];
    if (kind === 'notification_read') {
      const target = await this.inboxes.take();
      if (target) {
        return { kind, persona: target.persona, path: `/api/notifications/${target.id}/read`, body: null, key, notificationId: target.id };
      }
    }
    if (kind === 'letter') {
      const persona = pick(this.personas);
      return { kind, persona, path: '/api/letters', body: { sponsorshipId: persona.sponsorshipId, body: `${LETTER_TEXT[persona.role]}${rowMarker(key)}` }, key };
    }
    const body = { kind: index % 2 === 0 ? 'doing_well' : 'busy_exams', mood: 1 + (index % 5), note: rowMarker(key) };
    return { kind: 'checkin', persona: pick(this.students), path: '/api/student/checkins', body, key };
  }
}
