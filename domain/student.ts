export const SCHOOL_STAGES = ['primary', 'middle', 'high', 'vocational'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const PROGRAM_STATUSES = ['active', 'paused', 'left', 'handed_over'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const CHECKIN_KINDS = ['doing_well', 'busy_exams', 'talk_to_caseworker'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
