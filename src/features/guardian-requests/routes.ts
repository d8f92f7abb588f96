/** The guardian-request pages (staff sub-package). */
export const guardianRequestRoutes = {
  /** A student's requests, and recording a new one. */
  list: (studentId: string) => `/packages/staff/pages/guardian-requests/index?studentId=${encodeURIComponent(studentId)}`,
  request: (id: string) => `/packages/staff/pages/guardian-request/index?id=${encodeURIComponent(id)}`,
  /** The usual student edit, saving as the correction a request asked for. */
  correction: (studentId: string, requestId: string) =>
    `/packages/staff/pages/student-edit/index?id=${encodeURIComponent(studentId)}&requestId=${encodeURIComponent(requestId)}`,
};
