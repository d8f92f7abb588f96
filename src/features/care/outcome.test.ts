import { checkResolveForm, EMPTY_RESOLVE_FORM, type ResolveForm } from './outcome';

const today = '2026-12-03';
const form = (overrides: Partial<ResolveForm>): ResolveForm => ({ ...EMPTY_RESOLVE_FORM, note: '已联系上', ...overrides });

describe('resolve form', () => {
  it('needs an outcome and a note', () => {
    expect(checkResolveForm(EMPTY_RESOLVE_FORM, today)).toEqual({ errors: { outcome: 'care.error.chooseOutcome', note: 'care.error.required' } });
    expect(checkResolveForm(form({ outcome: 'reached', note: '  电话联系上，一切安好 ' }), today)).toEqual({ body: { outcome: 'reached', note: '电话联系上，一切安好' } });
  });

  it('situation changed: a new school needs its name and stage; a move needs neither', () => {
    expect(checkResolveForm(form({ outcome: 'situation_changed' }), today)).toEqual({ errors: { changeKind: 'care.error.choose' } });
    expect(checkResolveForm(form({ outcome: 'situation_changed', changeKind: 'vocational_track', grade: '13' }), today)).toEqual({
      errors: { schoolName: 'care.error.required', schoolStage: 'care.error.choose', grade: 'care.error.grade' },
    });
    expect(checkResolveForm(form({ outcome: 'situation_changed', changeKind: 'vocational_track', schoolName: ' 西昌职业技术学校 ', schoolStage: 'vocational', grade: '10' }), today)).toEqual({
      body: { outcome: 'situation_changed', note: '已联系上', change: { kind: 'vocational_track', schoolName: '西昌职业技术学校', schoolStage: 'vocational', grade: 10 } },
    });
    expect(checkResolveForm(form({ outcome: 'situation_changed', changeKind: 'moved_home', schoolName: 'ignored' }), today)).toEqual({
      body: { outcome: 'situation_changed', note: '已联系上', change: { kind: 'moved_home' } },
    });
  });

  it('paused: the resume date must be a real date after today', () => {
    expect(checkResolveForm(form({ outcome: 'paused' }), today)).toEqual({ errors: { resumeOn: 'care.error.chooseDate' } });
    expect(checkResolveForm(form({ outcome: 'paused', resumeOn: '2026-12-03' }), today)).toEqual({ errors: { resumeOn: 'care.error.resumeNotFuture' } });
    expect(checkResolveForm(form({ outcome: 'paused', resumeOn: '2027-02-30' }), today)).toEqual({ errors: { resumeOn: 'care.error.date' } });
    expect(checkResolveForm(form({ outcome: 'paused', resumeOn: '2027-3-1' }), today)).toEqual({ body: { outcome: 'paused', note: '已联系上', resumeOn: '2027-03-01' } });
  });

  it('handed over: the receiving NGO and the guardian’s consent, not dated in the future', () => {
    expect(checkResolveForm(form({ outcome: 'handed_over', consentedOn: '2026-12-04' }), today)).toEqual({
      errors: { toNgoId: 'care.error.chooseNgo', guardianName: 'care.error.required', relation: 'care.error.required', consentMethod: 'care.error.choose', consentedOn: 'care.error.consentFuture' },
    });
    expect(checkResolveForm(form({ outcome: 'handed_over', toNgoId: 'ngo-2', guardianName: '王芳', relation: '母亲', consentMethod: 'phone', consentedOn: '2026-12-02' }), today)).toEqual({
      body: { outcome: 'handed_over', note: '已联系上', handover: { toNgoId: 'ngo-2', consent: { guardianName: '王芳', relation: '母亲', method: 'phone', consentedOn: '2026-12-02' } } },
    });
  });

  it('left the program: whether a return is expected must be said', () => {
    expect(checkResolveForm(form({ outcome: 'left_program' }), today)).toEqual({ errors: { returnExpected: 'care.error.choose' } });
    expect(checkResolveForm(form({ outcome: 'left_program', returnExpected: 'no' }), today)).toEqual({ body: { outcome: 'left_program', note: '已联系上', returnExpected: false } });
  });
});
