/** The staff student routes' shapes, from the contract (types only: no schema code reaches the app). */
export type {
  ApproveStoryResponse,
  ConsentView,
  CreateStudentBody,
  EnterPoolResponse,
  InviteStatus,
  IssuedInvite,
  PoolBlocker,
  RecordConsentBody,
  StaffStudentDetail,
  StudentContactInput,
  StudentContactView,
  TermReportBody,
  TermReportView,
  UpdateStudentBody,
  WithdrawConsentResponse,
} from '../../../domain/api/students';
