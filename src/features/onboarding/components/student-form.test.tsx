import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { adminMe, signIn } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { studentDetail } from '../test-data';
import { StudentForm } from './student-form';

const NOW = new Date('2026-11-30T04:00:00Z');
const OVERVIEW = ok({
  ngo: { id: 'ngo-1', name: '凉山助学会', province: '四川', city: '凉山' },
  counts: { students: 3, sponsored: 1, waiting: 1, overdue: 0, openAlerts: 0 },
  caseworkers: [
    { id: 'staff-cw-1', name: '周老师', studentCount: 2 },
    { id: 'staff-cw-2', name: '吉老师', studentCount: 1 },
  ],
});
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const errorFor = (field: string) => screen.getAllByTestId('field-error').find((el) => el.getAttribute('data-field') === field);

describe('StudentForm', () => {
  beforeEach(() => signIn(adminMe));

  it('separates staff-only and sponsor-facing fields, validates with clear messages and sends the right body', async () => {
    const sent = mockApi({
      'GET /api/staff/overview': OVERVIEW,
      'POST /api/staff/students': { statusCode: 201, data: studentDetail({ id: 'stu-new' }) },
    });
    render(<StudentForm now={NOW} />);
    await screen.findByTestId('student-form');
    expect(screen.getByTestId('student-form-staff')).toHaveTextContent('仅工作人员可见');
    expect(screen.getByTestId('student-form-staff')).toContainElement(screen.getByTestId('student-legalName'));
    expect(screen.getByTestId('student-form-staff')).toContainElement(screen.getByTestId('student-schoolName'));
    expect(screen.getByTestId('student-form-sponsor')).toHaveTextContent('资助人可见');
    expect(screen.getByTestId('student-form-sponsor')).toContainElement(screen.getByTestId('student-story'));

    fireEvent.click(screen.getByTestId('student-form-submit'));
    expect(errorFor('legalName')).toHaveTextContent('请填写这一项。');
    expect(errorFor('schoolStage')).toHaveTextContent('请选择一项。');
    expect(errorFor('dateOfBirth')).toHaveTextContent('请选择日期。');
    expect(errorFor('expectedGraduation')).toHaveTextContent('请选择日期。');
    expect(screen.getByTestId('student-form-failure')).toHaveTextContent('有几项需要修改');

    type('student-legalName', '阿木小花');
    type('student-schoolName', '昭觉县第二中学');
    expect(screen.getByTestId('student-dateOfBirth')).toHaveAttribute('max', '2026-11-30');
    expect(screen.getByTestId('student-expectedGraduation')).toHaveAttribute('min', '2026-12-01');
    type('student-dateOfBirth', '2026-12-01');
    type('student-grade', '13');
    type('student-expectedGraduation', '2032-07-01');
    type('student-yearlyNeed', '3000.555');
    fireEvent.click(screen.getByTestId('student-form-submit'));
    expect(errorFor('dateOfBirth')).toHaveTextContent('出生日期必须早于今天。');
    expect(errorFor('grade')).toHaveTextContent('年级是 1 到 12 之间的整数。');
    expect(errorFor('yearlyNeed')).toHaveTextContent('最多两位小数');
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    type('student-dateOfBirth', '2013-05-20');
    type('student-grade', '7');
    fireEvent.click(screen.getByTestId('student-stage-middle'));
    type('student-yearlyNeed', '3,000.50');
    fireEvent.click(screen.getByTestId('student-caseworker-staff-cw-2'));
    fireEvent.click(screen.getByTestId('student-gender-female'));
    type('student-guardianName', '阿木拉则');
    type('student-guardianRelation', '母亲');
    type('student-guardianPhone', '138 0000 0000');
    type('student-displayName', '小花');
    type('student-story', '喜欢画画。');
    type('student-province', '四川');
    type('student-city', '凉山');
    fireEvent.click(screen.getByTestId('student-form-submit'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/student/index?id=stu-new' }));
    const post = sent.find((s) => s.method === 'POST');
    expect(post?.data).toEqual({
      legalName: '阿木小花',
      displayName: '小花',
      gender: 'female',
      schoolName: '昭觉县第二中学',
      village: null,
      story: '喜欢画画。',
      dateOfBirth: '2013-05-20',
      grade: 7,
      schoolStage: 'middle',
      expectedGraduation: '2032-07-01',
      province: '四川',
      city: '凉山',
      yearlyNeedFen: 300050,
      caseworkerId: 'staff-cw-2',
      guardianContacts: [{ name: '阿木拉则', relation: '母亲', phone: '138 0000 0000' }],
      schoolContacts: [],
    });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
  });

  it('edits a student with the record filled in and posts to the student', async () => {
    const sent = mockApi({
      'GET /api/staff/overview': OVERVIEW,
      'GET /api/staff/students/stu-9': ok(studentDetail()),
      'POST /api/staff/students/stu-9': ok(studentDetail({ grade: 8 })),
    });
    render(<StudentForm studentId='stu-9' now={NOW} />);
    expect(await screen.findByTestId('student-legalName')).toHaveValue('阿木小花');
    expect(screen.getByTestId('student-yearlyNeed')).toHaveValue('3000');
    expect(screen.getByTestId('student-schoolContactName')).toHaveValue('李老师');
    type('student-grade', '8');
    fireEvent.click(screen.getByTestId('student-form-submit'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    const post = sent.find((s) => s.method === 'POST');
    expect(post?.data).toMatchObject({ grade: 8, caseworkerId: 'staff-cw-1', schoolContacts: [{ name: '李老师', phone: '0834-1234567' }] });
  });

  it('saves a guardian’s correction through their request, then goes back to it', async () => {
    const sent = mockApi({
      'GET /api/staff/overview': OVERVIEW,
      'GET /api/staff/students/stu-9': ok(studentDetail()),
      'POST /api/staff/guardian-requests/req-1/correction': ok({}),
    });
    render(<StudentForm studentId='stu-9' guardianRequestId='req-1' now={NOW} />);
    expect(await screen.findByTestId('student-form-correction')).toHaveTextContent('监护人的更正申请');
    type('student-schoolName', '昭觉中学');
    fireEvent.click(screen.getByTestId('student-form-submit'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts.map((p) => p.path)).toEqual(['/api/staff/guardian-requests/req-1/correction']);
    expect(posts[0].data).toMatchObject({ schoolName: '昭觉中学', legalName: '阿木小花' });
  });
});
