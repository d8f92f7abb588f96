import type { StudentTermReports, TermReportBody, TermReportView } from '../../../domain/api/students';
import { apiClient } from '@/lib/api-client';
import { outbox, type OutboxItem } from '@/lib/outbox';
import { PHOTO_UPLOAD_PATH, TERM_REPORTS_PATH } from './rules';

export type { StudentTermReports, TermReportBody, TermReportView };

export function fetchTermReports(): Promise<StudentTermReports> {
  return apiClient.get<StudentTermReports>(TERM_REPORTS_PATH);
}

/** Queues a term report; the photo (a compressed local file) is uploaded first when it is sent. */
export function queueTermReport(body: TermReportBody, label: string, photoPath: string | null): OutboxItem {
  return outbox.enqueue({
    kind: 'termReport',
    path: TERM_REPORTS_PATH,
    body: { ...body },
    label,
    target: body.term,
    ...(photoPath
      ? { photos: [{ path: photoPath, uploadedId: null }], photoField: { name: 'photoUploadId', many: false, uploadPath: PHOTO_UPLOAD_PATH } }
      : {}),
  });
}
