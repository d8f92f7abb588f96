import { foldText, toOriginal } from './fold';
import { pinyinOf } from './pinyin';

describe('foldText', () => {
  it('turns traditional characters into simplified ones without moving any offset', () => {
    const original = '請問你的電話號碼是多少？我們學校裡面';
    const folded = foldText(original);
    expect(folded.text).toBe('请问你的电话号码是多少?我们学校里面');
    expect(folded.text.length).toBe(original.length);
    const at = folded.text.indexOf('电话');
    expect(original.slice(...Object.values(toOriginal(folded, at, at + 2)))).toBe('電話');
  });

  it('folds full-width forms, drops zero-width characters and keeps the mapping', () => {
    const original = 'Ｑ\u200bＱ：１２３';
    const folded = foldText(original);
    expect(folded.lower).toBe('qq:123');
    const { start, end } = toOriginal(folded, 3, 6);
    expect(original.slice(start, end)).toBe('１２３');
  });

  it('leaves a character whose simplified form would change the text length as it is', () => {
    expect(foldText('㗲').text).toBe('㗲');
  });
});

describe('pinyinOf', () => {
  it('reads homophones alike and non-Chinese characters as nothing', () => {
    expect(['微', '薇', '威'].map(pinyinOf)).toEqual(['wei', 'wei', 'wei']);
    expect(pinyinOf('a')).toBe('');
    expect(pinyinOf('，')).toBe('');
  });
});

describe('simplified text stays as it is', () => {
  it('leaves simplified characters that the tables also list as variants alone', () => {
    expect(foldText('你在干什么？怎么了？').text).toBe('你在干什么?怎么了?');
    expect(foldText('什麼、怎麼').text).toBe('什么、怎么');
  });
});
