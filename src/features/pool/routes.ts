/** Pages of the sponsor's way to a new student, all in the sponsor sub-package. */
const ROOT = '/packages/sponsor/pages';

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

export const poolRoutes = {
  /**
   * Students still waiting. `afterLeaving`: the sponsorship whose student left the program, when the
   * sponsor chose to carry the rest of their pledge over to another student.
   */
  pool: (afterLeaving?: string) => withQuery(`${ROOT}/pool/index`, { carryFrom: afterLeaving }),
  student: (id: string, afterLeaving?: string) => withQuery(`${ROOT}/student/index`, { id, carryFrom: afterLeaving }),
  /** The review step (冷静期) of a reservation kept in the reservation store. */
  pledge: (sponsorshipId: string, studentId: string) => withQuery(`${ROOT}/pledge/index`, { sponsorshipId, studentId }),
} as const;
