import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LETTER_PHOTOS_MAX } from '../limits';
import { signIn, sponsorMe, studentMe } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { useLocaleStore } from '@/lib/i18n';
import { useLetterDraftStore } from '@/lib/letter-drafts';
import { detail } from '../test-data';
import { kickOutbox, outbox } from '@/lib/outbox';
import { LetterCompose } from './letter-compose';

const NEW = { kind: 'new', sponsorshipId: 'sp-1' } as const;

function type(text: string) {
  fireEvent.change(screen.getByTestId('compose-body'), { target: { value: text } });
}

function uploadsSucceed() {
  let n = 0;
  Taro.uploadFile.mockImplementation(async () => {
    n += 1;
    return { statusCode: 201, data: JSON.stringify({ id: `ph-${n}`, width: 800, height: 600, bytes: 1000 }), errMsg: 'uploadFile:ok' };
  });
}

describe('LetterCompose', () => {
  beforeEach(() => signIn(sponsorMe));

  it('starts a new letter from a suggested text the sponsor can change, unless a draft exists', () => {
    const suggestion = '小雨，你好！不管成绩怎么样，我都会继续支持你。';
    const first = render(<LetterCompose role='sponsor' target={NEW} name='小雨' suggestedBody={suggestion} />);
    expect(screen.getByTestId('compose-body')).toHaveValue(suggestion);
    expect(screen.getByTestId('compose-suggested')).toHaveTextContent('可以随意修改');
    type('小雨，考试辛苦了！');
    first.unmount();

    render(<LetterCompose role='sponsor' target={NEW} name='小雨' suggestedBody={suggestion} />);
    expect(screen.getByTestId('compose-body')).toHaveValue('小雨，考试辛苦了！');
  });

  it('keeps the draft on the device across closing and reopening the page', async () => {
    const first = render(<LetterCompose role='sponsor' target={NEW} name='小雨' />);
    expect(screen.getByTestId('compose-to')).toHaveTextContent('写给小雨');
    type('小雨你好，');
    expect(screen.getByTestId('compose-counter')).toHaveTextContent('5/5000');
    first.unmount();

    const stored = JSON.parse(String(Taro.getStorageSync('banxue.letterDrafts')));
    expect(Object.values(stored.state.drafts)).toEqual([expect.objectContaining({ body: '小雨你好，' })]);

    // A fresh start of the app: memory empty, the draft read back from storage.
    const saved = Taro.getStorageSync('banxue.letterDrafts');
    useLetterDraftStore.setState({ drafts: {} });
    Taro.setStorageSync('banxue.letterDrafts', saved);
    await act(() => useLetterDraftStore.persist.rehydrate());
    render(<LetterCompose role='sponsor' target={NEW} name='小雨' />);
    expect(screen.getByTestId('compose-body')).toHaveValue('小雨你好，');
    // Drafts are kept per person and per sponsorship.
    expect(Object.keys(useLetterDraftStore.getState().drafts)).toEqual(['acc-sponsor-1:new:sp-1']);
  });

  it('does not send an empty letter', async () => {
    const sent = mockApi({});
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('   \n ');
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(await screen.findByTestId('compose-error')).toHaveTextContent('请先写点什么再寄出。');
    expect(sent).toHaveLength(0);
  });

  it('keeps a letter written offline in the outbox and sends it later with the same key, once', async () => {
    let attempt = 0;
    const sent = mockApi({
      'POST /api/letters': () => {
        attempt += 1;
        if (attempt === 1) throw { errMsg: 'request:fail' };
        return { statusCode: 201, data: detail('l-new', { status: 'held' }) };
      },
    });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('最近学习怎么样？');
    let draftKey = '';
    act(() => {
      draftKey = useLetterDraftStore.getState().sendKey('acc-sponsor-1:new:sp-1');
    });
    fireEvent.click(screen.getByTestId('compose-send'));
    // Saved on the phone and said so; the writer does not need to stay.
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存，连上网络后会自动发送。', icon: 'none' }));
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ kind: 'letter', status: 'pending', idempotencyKey: draftKey })]);
    expect(JSON.parse(String(Taro.getStorageSync('banxue.outbox'))).items).toHaveLength(1);
    expect(useLetterDraftStore.getState().drafts).toEqual({});

    // The network is back.
    outbox.wakeAll();
    await act(() => kickOutbox());
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(sent).toHaveLength(2);
    expect(sent[0].header['Idempotency-Key']).toBe(draftKey);
    expect(sent[1].header['Idempotency-Key']).toBe(draftKey);
    expect(sent[1].data).toEqual({ sponsorshipId: 'sp-1', body: '最近学习怎么样？' });
  });

  it('sends at once when online and opens the letter', async () => {
    const sent = mockApi({ 'POST /api/letters': { statusCode: 201, data: detail('l-new') } });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('你好');
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/letter/index?id=l-new' }));
    expect(sent).toHaveLength(1);
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });

  it('keeps the draft and shows the reason when the server refuses; an edit is a new send with a new key', async () => {
    const sent = mockApi({ 'POST /api/letters': failWith(400, 'LETTER_BLOCKED', '信里不能有电话号码。') });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('第一稿');
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(await screen.findByTestId('compose-error')).toHaveTextContent('信里不能有电话号码。');
    expect(screen.getByTestId('compose-body')).toHaveValue('第一稿');
    expect(outbox.getSnapshot().items).toHaveLength(0);
    type('第二稿');
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].header['Idempotency-Key']).not.toBe(sent[0].header['Idempotency-Key']);
  });

  it('adds at most 3 photos, uploads each with the session, and sends their ids', async () => {
    uploadsSucceed();
    const sent = mockApi({ 'POST /api/letters': { statusCode: 201, data: detail('l-2') } });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('看看我们的照片');

    fireEvent.click(screen.getByRole('button', { name: '添加照片，还可以加 3 张' }));
    await waitFor(() => expect(screen.getAllByTestId('compose-photo').map((p) => p.getAttribute('data-status'))).toEqual(['done', 'done', 'done']));
    expect(Taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 3, sizeType: ['compressed'] }));
    expect(Taro.uploadFile).toHaveBeenCalledTimes(3);
    expect(Taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'http://api.test/api/letter-photos',
        filePath: 'blob:photo-1',
        name: 'photo',
        header: expect.objectContaining({ Authorization: 'Bearer token-acc-sponsor-1', 'Accept-Language': 'zh-CN' }),
      }),
    );
    // Full: no way to add a fourth.
    expect(screen.queryByTestId('compose-add-photo')).not.toBeInTheDocument();

    // Remove one; the picker now asks for one, and a platform that returns more gets only one taken.
    fireEvent.click(screen.getByRole('button', { name: '删除第 2 张照片' }));
    Taro.chooseImage.mockImplementationOnce(() =>
      Promise.resolve({ tempFilePaths: ['blob:a', 'blob:b'], tempFiles: [], errMsg: 'chooseImage:ok' }),
    );
    fireEvent.click(screen.getByTestId('compose-add-photo'));
    await waitFor(() => expect(screen.getAllByTestId('compose-photo')).toHaveLength(LETTER_PHOTOS_MAX));
    expect(Taro.chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 1 }));
    expect(await screen.findByTestId('compose-photo-notice')).toHaveTextContent('最多只能添加 3 张照片。');
    await waitFor(() => expect(screen.getAllByTestId('compose-photo').every((p) => p.getAttribute('data-status') === 'done')).toBe(true));

    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].data as { photoIds: string[] }).photoIds).toEqual(['ph-1', 'ph-3', 'ph-4']);
  });

  it('says kindly when photos cannot be opened, and nothing when the picker is cancelled', async () => {
    render(<LetterCompose role='sponsor' target={NEW} />);
    Taro.chooseImage.mockImplementationOnce(() => Promise.reject({ errMsg: 'chooseImage:fail cancel' }));
    fireEvent.click(screen.getByTestId('compose-add-photo'));
    await act(async () => undefined);
    expect(screen.queryByTestId('compose-photo-notice')).not.toBeInTheDocument();

    Taro.chooseImage.mockImplementationOnce(() => Promise.reject({ errMsg: 'chooseImage:fail auth deny' }));
    fireEvent.click(screen.getByTestId('compose-add-photo'));
    expect(await screen.findByTestId('compose-photo-notice')).toHaveTextContent('没能打开相册');
  });

  it('sends a photo whose upload failed with the letter: the outbox uploads it first', async () => {
    Taro.uploadFile.mockImplementationOnce(() => Promise.reject({ errMsg: 'uploadFile:fail' }));
    const sent = mockApi({ 'POST /api/letters': { statusCode: 201, data: detail('l-3') } });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('有照片');
    Taro.chooseImage.mockImplementationOnce(() => Promise.resolve({ tempFilePaths: ['blob:x'], tempFiles: [], errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('compose-add-photo'));
    await waitFor(() => expect(screen.getByTestId('compose-photo')).toHaveAttribute('data-status', 'failed'));
    // The retry button still works while writing.
    expect(screen.getByTestId('compose-photo-retry')).toBeInTheDocument();

    uploadsSucceed();
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/letter/index?id=l-3' }));
    expect(Taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:x' }));
    expect(sent[0].data).toEqual({ sponsorshipId: 'sp-1', body: '有照片', photoIds: ['ph-1'] });
  });

  it('asks before discarding a written draft', async () => {
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('还没写完');
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('compose-discard'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('compose-body')).toHaveValue('还没写完');

    fireEvent.click(screen.getByTestId('compose-discard'));
    await waitFor(() => expect(useLetterDraftStore.getState().drafts).toEqual({}));
    expect(Taro.showModal).toHaveBeenCalledTimes(2);
  });

  it('tells a student writing is never required, and replies with inReplyTo', async () => {
    signIn(studentMe);
    const sent = mockApi({
      'GET /api/letters/l-9': ok(detail('l-9', { mine: false, counterpartName: '林晓', canReply: true })),
      'POST /api/letters': { statusCode: 201, data: detail('l-10') },
    });
    render(<LetterCompose role='student' target={{ kind: 'reply', letterId: 'l-9' }} />);
    expect(await screen.findByTestId('compose-to')).toHaveTextContent('回复林晓的来信');
    expect(screen.getByTestId('compose-student-note')).toHaveTextContent('写信从来不是必须的');
    expect(screen.getByTestId('compose-rules')).toHaveTextContent('请不要写或打听电话号码');
    type('谢谢您！');
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/student/pages/letter/index?id=l-10' }));
    expect(sent.find((s: SentRequest) => s.method === 'POST')?.data).toEqual({ inReplyTo: 'l-9', body: '谢谢您！' });
  });

  it('edits a returned letter starting from its text and sends it again', async () => {
    const returned = detail('l-5', {
      status: 'returned',
      body: '我的电话是 138 0013 8000',
      canEdit: true,
      returnReason: '请删掉电话号码',
      photos: [{ id: 'ph-9', url: '/api/files/token-9', width: 10, height: 10 }],
      findings: [{ category: 'phone', start: 6, end: 19, excerpt: '138 0013 8000', message: '不能写电话号码' }],
    });
    const sent = mockApi({
      'GET /api/letters/l-5': ok(returned),
      'POST /api/letters/l-5/resubmit': ok(detail('l-5', { status: 'delivered' })),
    });
    Taro.getCurrentPages.mockImplementation(() => [{}, {}]);
    render(<LetterCompose role='sponsor' target={{ kind: 'resubmit', letterId: 'l-5' }} />);
    await waitFor(() => expect(screen.getByTestId('compose-body')).toHaveValue('我的电话是 138 0013 8000'));
    expect(screen.getByTestId('compose-return-reason')).toHaveTextContent('原因：请删掉电话号码');
    type('我最近很好');
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({ body: '我最近很好', photoIds: ['ph-9'] });
  });

  it('warns while typing, with the same rules as the server, a moment after the text stops changing', async () => {
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('小雨你好！');
    // Typing on: nothing yet.
    type('小雨你好！有空加我微信 wangxf_1988，我们私下聊。');
    expect(screen.queryByTestId('compose-live-findings')).not.toBeInTheDocument();
    const live = await screen.findByTestId('compose-live-findings');
    expect(live).toHaveTextContent('发送前看一看');
    const categories = within(live).getAllByTestId('letter-finding').map((f) => f.getAttribute('data-category'));
    expect(categories).toContain('social_id');
    expect(live).toHaveTextContent('wangxf_1988');
    // Changed: the warning goes; the server still decides when it is sent.
    type('小雨你好！最近学习怎么样？');
    await waitFor(() => expect(screen.queryByTestId('compose-live-findings')).not.toBeInTheDocument());
  });

  it('warns in the writer’s language', async () => {
    useLocaleStore.getState().setLocale('en-US');
    render(<LetterCompose role='sponsor' target={NEW} />);
    type("Hi Xiaoyu! Don't tell the NGO, but I'd like to call you: my number is 138 0013 8000.");
    const live = await screen.findByTestId('compose-live-findings');
    expect(live).toHaveTextContent('Before you send');
    expect(within(live).getAllByTestId('letter-finding')[0]).toHaveTextContent(/phone|secret/i);
  });

  it('shows a student whose letter tells of danger how to reach a person, before leaving the page', async () => {
    signIn(studentMe);
    mockApi({ 'POST /api/letters': { statusCode: 201, data: detail('l-20', { status: 'held', careHold: true }) } });
    render(<LetterCompose role='student' target={NEW} />);
    type('叔叔好。我真的不想活了，每天晚上都想从楼上跳下去。');
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(await screen.findByTestId('support-card')).toHaveAttribute('data-level', 'urgent');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('compose-support-continue'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/student/pages/letter/index?id=l-20' });
  });

  it('goes straight on after an ordinary student letter, and never shows a sponsor the support card', async () => {
    mockApi({ 'POST /api/letters': { statusCode: 201, data: detail('l-21') } });
    render(<LetterCompose role='sponsor' target={NEW} />);
    type('不要给自己太大压力，考不好也没关系，我永远支持你。');
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(screen.queryByTestId('support-card')).not.toBeInTheDocument();
  });

  it('edits a held letter and says it is checked again', async () => {
    mockApi({ 'GET /api/letters/l-6': ok(detail('l-6', { status: 'held', body: '加我QQ 12345678', canEdit: true, canWithdraw: true })) });
    render(<LetterCompose role='sponsor' target={{ kind: 'resubmit', letterId: 'l-6' }} />);
    expect(await screen.findByTestId('compose-held')).toHaveTextContent('修改后会重新检查');
    expect(screen.queryByTestId('compose-return-reason')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('compose-body')).toHaveValue('加我QQ 12345678'));
  });
});
