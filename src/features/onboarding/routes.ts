/** The staff onboarding pages (staff sub-package). */
export const onboardingRoutes = {
  record: (id: string) => `/packages/staff/pages/student/index?id=${encodeURIComponent(id)}`,
  create: () => '/packages/staff/pages/student-edit/index',
  edit: (id: string) => `/packages/staff/pages/student-edit/index?id=${encodeURIComponent(id)}`,
};

/** An invite's QR image as an Image src: the server's data URL, or its SVG made into one. */
export function qrImageSrc(invite: { qrSvg?: string | null; qrDataUrl?: string | null }): string | null {
  if (invite.qrDataUrl) return invite.qrDataUrl;
  if (invite.qrSvg) return `data:image/svg+xml;utf8,${encodeURIComponent(invite.qrSvg)}`;
  return null;
}
