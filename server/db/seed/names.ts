/** Small embedded lists for the demo data. Every person, school and village here is made up. */

export type Gender = 'female' | 'male';

/** Surnames used for students; compound Yi surnames (吉克, 阿西 …) are listed as a whole. */
export const SURNAMES = {
  hanSc: ['李', '王', '张', '罗', '杨', '何', '陈', '刘', '曾', '苏', '蒋', '邓'],
  hanGs: ['王', '李', '张', '刘', '杨', '赵', '马', '牛', '魏', '漆', '董', '汪', '巩', '苏', '郭', '包', '蒲', '令狐'],
  yi: ['吉克', '阿西', '沙马', '马海', '曲比', '阿苏', '海来', '吉木', '俄木', '阿的', '勒格', '的日'],
} as const;

export const ALL_SURNAMES: readonly string[] = [...new Set([...SURNAMES.hanSc, ...SURNAMES.hanGs, ...SURNAMES.yi])];

/** The surname a legal name starts with (longest match), or its first character. */
export function surnameOf(legalName: string): string {
  const matches = ALL_SURNAMES.filter((s) => legalName.startsWith(s)).sort((a, b) => b.length - a.length);
  return matches[0] ?? legalName.slice(0, 1);
}

export const GIVEN_NAMES: Record<'han' | 'yi', Record<Gender, readonly string[]>> = {
  han: {
    female: ['欣怡', '雨涵', '思琪', '佳慧', '晓燕', '春梅', '丽娟', '雪梅', '可馨', '诗琪', '雨萱', '梦瑶', '心怡', '春燕', '晓霞', '丹丹', '亚楠', '丽萍', '慧敏', '玉兰', '静', '婷', '文娟', '秋菊'],
    male: ['浩然', '子豪', '宇航', '俊杰', '家乐', '志强', '文博', '天佑', '明辉', '晨阳', '博文', '永平', '振华', '嘉豪', '宏伟', '思远', '建军', '鑫', '磊', '国庆', '兴旺', '立新'],
  },
  yi: {
    female: ['阿依', '阿呷', '日哈', '阿果', '伍呷', '依莫', '阿支', '尔呷', '拉则', '么莫', '阿芝', '石且'],
    male: ['木呷', '拉且', '尔古', '伍各', '阿木', '子威', '史者', '阿且', '格日', '拉哈', '尔布', '日体'],
  },
};

export const ADULT_GIVEN_NAMES: Record<'han' | 'yi', Record<Gender, readonly string[]>> = {
  han: {
    female: ['秀英', '桂兰', '玉梅', '春花', '淑珍', '金凤', '彩霞', '翠兰', '改花', '兰英'],
    male: ['建国', '志明', '永福', '文华', '国强', '德明', '学军', '成林', '保平', '有福'],
  },
  yi: {
    female: ['阿果', '阿芝', '日呷', '阿衣', '史莫', '伍加'],
    male: ['拉哈', '史格', '尔日', '阿木', '木几', '约哈'],
  },
};

/** Teachers' names for the school contact (班主任). */
export const TEACHER_NAMES = ['王丽', '李建华', '张敏', '杨红梅', '陈磊', '刘芳', '赵志刚', '何静', '罗晓东', '马红', '周燕', '吴斌'];

export interface CountyInfo {
  name: string;
  middleSchool: string;
  highSchool: string;
  villages: readonly string[];
}

export const PLACES: Record<'sc' | 'gs', readonly CountyInfo[]> = {
  sc: [
    { name: '昭觉县', middleSchool: '昭觉县溪南初级中学', highSchool: '昭觉县溪南高级中学', villages: ['阿土村', '瓦吉村', '依且村', '补约村'] },
    { name: '美姑县', middleSchool: '美姑县青杠初级中学', highSchool: '美姑县民族高级中学', villages: ['洛莫村', '尼地村', '竹林村'] },
    { name: '布拖县', middleSchool: '布拖县月华初级中学', highSchool: '布拖县月华高级中学', villages: ['火觉村', '拉达村', '日莫村'] },
    { name: '越西县', middleSchool: '越西县石门初级中学', highSchool: '越西县石门高级中学', villages: ['新桥村', '河东村', '坪坝村'] },
  ],
  gs: [
    { name: '通渭县', middleSchool: '通渭县青岚初级中学', highSchool: '通渭县北山高级中学', villages: ['杏树湾村', '阳坡村', '碾子坪村'] },
    { name: '岷县', middleSchool: '岷县杏花初级中学', highSchool: '岷县朝阳高级中学', villages: ['上庄村', '后川村', '柳沟村'] },
    { name: '渭源县', middleSchool: '渭源县云田初级中学', highSchool: '渭源县柳湖高级中学', villages: ['石咀村', '马家岔村', '红崖村'] },
  ],
};

export interface SponsorName {
  displayName: string;
  /** How a student addresses them in a letter. */
  salutation: string;
  locale: 'zh-CN' | 'en-US';
}

const s = (displayName: string, salutation: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): SponsorName => ({ displayName, salutation, locale });

export const SPONSOR_NAMES: readonly SponsorName[] = [
  s('北京的王老师', '王老师'), s('陈先生', '陈叔叔'), s('Lily', 'Lily姐姐'), s('上海的李阿姨', '李阿姨'),
  s('深圳的张先生', '张叔叔'), s('杭州的刘女士', '刘阿姨'), s('成都的周老师', '周老师'), s('广州的黄先生', '黄叔叔'),
  s('南京的吴女士', '吴阿姨'), s('小林', '小林姐姐'), s('武汉的赵医生', '赵医生'), s('Kevin', 'Kevin', 'en-US'),
  s('孙先生', '孙叔叔'), s('西安的郑老师', '郑老师'), s('苏州的徐阿姨', '徐阿姨'), s('一位重庆的朋友', '远方的朋友'),
  s('何女士', '何阿姨'), s('天津的马先生', '马叔叔'), s('Grace', 'Grace', 'en-US'), s('长沙的胡老师', '胡老师'),
  s('厦门的林先生', '林叔叔'), s('郭女士', '郭阿姨'), s('青岛的高老师', '高老师'), s('宁波的罗先生', '罗叔叔'),
  s('David', 'David叔叔'), s('兰州的梁阿姨', '梁阿姨'), s('谢先生', '谢叔叔'), s('合肥的宋女士', '宋阿姨'),
  s('昆明的唐老师', '唐老师'), s('大连的韩先生', '韩叔叔'), s('冯女士', '冯阿姨'), s('沈阳的于老师', '于老师'),
  s('Mia', 'Mia姐姐'), s('济南的董先生', '董叔叔'), s('郑州的萧女士', '萧阿姨'), s('程先生', '程叔叔'),
  s('福州的曹老师', '曹老师'), s('叶先生一家', '叶叔叔一家'), s('贵阳的潘女士', '潘阿姨'), s('南宁的杜老师', '杜老师'),
  s('Annie', 'Annie姐姐'), s('石家庄的许先生', '许叔叔'),
];

export const STAFF_NAMES = {
  sc: { admin: '罗雪琴', caseworkers: ['吉克石且', '杨明', '阿西拉莫'] },
  gs: { admin: '魏建平', caseworkers: ['漆晓梅', '牛志军'] },
} as const;
