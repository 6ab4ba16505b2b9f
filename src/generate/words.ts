// Bilingual word tables ([English, Chinese]) that organisation, event, project and agreement names
// and post titles are composed from; all characters are in the BMP, so a string's length is its
// length in code points.

export type Pair = readonly [en: string, zh: string];

export const TOPICS: readonly Pair[] = [
  ['Smart City', '智慧城市'], ['Digital Economy', '数字经济'], ['Fintech', '金融科技'],
  ['Green Development', '绿色发展'], ['Trade', '贸易'], ['Investment', '投资'], ['Education', '教育'],
  ['Healthcare', '医疗卫生'], ['Logistics', '物流'], ['Tourism', '旅游'], ['Culture', '文化'],
  ['Water Resources', '水资源'], ['Urban Planning', '城市规划'], ['Artificial Intelligence', '人工智能'],
  ['Data Governance', '数据治理'], ['Cybersecurity', '网络安全'], ['Clean Energy', '清洁能源'],
  ['Maritime', '海事'], ['Aviation', '航空'], ['Agriculture', '农业'], ['Advanced Manufacturing', '先进制造'],
  ['Biomedicine', '生物医药'], ['Talent Exchange', '人才交流'], ['Youth Exchange', '青年交流'],
  ['Science and Technology', '科技'], ['Connectivity', '互联互通'], ['Telecommunications', '电信'],
  ['Transport', '交通'], ['Environment', '环境'], ['Innovation', '创新'], ['Food Security', '粮食安全'],
  ['Elderly Care', '养老服务'], ['Digital Trade', '数字贸易'], ['Carbon Markets', '碳市场'],
];

export const PORTFOLIOS: readonly Pair[] = [
  ['Trade and Industry', '贸易及工业'], ['Communications and Information', '通讯及新闻'], ['Finance', '财政'],
  ['Education', '教育'], ['Health', '卫生'], ['Transport', '交通'], ['Foreign Affairs', '外交'],
  ['National Development', '国家发展'], ['Manpower', '人力'], ['Commerce', '商务'],
  ['Science and Technology', '科学技术'], ['Industry and Information Technology', '工业和信息化'],
  ['Natural Resources', '自然资源'], ['Ecology and Environment', '生态环境'],
  ['Housing and Urban-Rural Development', '住房和城乡建设'], ['Agriculture', '农业'], ['Culture', '文化'],
  ['Water Resources', '水利'], ['Civil Affairs', '民政'], ['Human Resources', '人力资源'],
];

export const INDUSTRIES: readonly Pair[] = [
  ['Technology', '科技'], ['Holdings', '控股'], ['Logistics', '物流'], ['Energy', '能源'], ['Digital', '数字'],
  ['Construction', '建设'], ['Pharmaceutical', '医药'], ['Capital', '资本'], ['Telecom', '通信'],
  ['Semiconductor', '半导体'], ['Property', '置业'], ['Shipping', '航运'],
];

export const FIELDS: readonly Pair[] = [
  ['Technology', '科技'], ['Science and Technology', '理工'], ['Finance and Economics', '财经'],
  ['Medicine', '医科'], ['Foreign Studies', '外国语'], ['Normal', '师范'], ['Aeronautics', '航空'],
];

/** Post titles; the lists per organisation kind index into it. */
export const TITLES: readonly Pair[] = [
  ['Director', '主任'], ['Deputy Director', '副主任'], ['Permanent Secretary', '常任秘书'],
  ['Deputy Secretary', '副秘书'], ['Minister', '部长'], ['Vice Minister', '副部长'], ['Mayor', '市长'],
  ['Vice Mayor', '副市长'], ['Chairman', '主席'], ['Co-Chair', '联合主席'], ['Vice Chairman', '副主席'],
  ['Secretary-General', '秘书长'], ['Chief Executive', '首席执行官'], ['President', '总裁'],
  ['General Manager', '总经理'], ['Senior Manager', '高级经理'], ['Board Member', '董事'],
  ['Professor', '教授'], ['Dean', '院长'], ['Researcher', '研究员'], ['Editor-in-Chief', '总编辑'],
  ['Reporter', '记者'], ['Advisor', '顾问'], ['Head of Division', '处长'], ['Principal Engineer', '首席工程师'],
  ['Member', '委员'], ['Programme Manager', '项目经理'], ['Vice President', '副校长'],
];

const T = (...names: string[]): readonly number[] => names.map((n) => TITLES.findIndex(([en]) => en === n));

export const TITLES_BY_KIND: Record<string, readonly number[]> = {
  GOVERNMENT_BODY: T('Director', 'Deputy Director', 'Permanent Secretary', 'Deputy Secretary', 'Minister', 'Vice Minister', 'Mayor', 'Vice Mayor', 'Advisor', 'Director', 'Deputy Director'),
  UNIT: T('Director', 'Deputy Director', 'Head of Division', 'Senior Manager', 'Advisor', 'Director', 'Deputy Director'),
  COMPANY: T('Chairman', 'Chief Executive', 'President', 'General Manager', 'Senior Manager', 'Board Member', 'Principal Engineer', 'Senior Manager'),
  UNIVERSITY: T('President', 'Vice President', 'Professor', 'Dean', 'Researcher', 'Professor'),
  MEDIA: T('Editor-in-Chief', 'Reporter', 'Reporter', 'Director'),
  COMMITTEE: T('Co-Chair', 'Chairman', 'Vice Chairman', 'Secretary-General', 'Member', 'Member'),
  INCUBATOR: T('Director', 'General Manager', 'Programme Manager', 'Advisor'),
  OTHER: T('Chairman', 'Secretary-General', 'Director', 'Member', 'Advisor'),
};

export const POSITIONS: readonly Pair[] = [
  ['Left', '左'], ['Right', '右'], ['Centre', '中'], ['Second from Left', '左二'], ['Second from Right', '右二'],
];

export const ORDINALS: readonly Pair[] = [
  ['First', '一'], ['Second', '二'], ['Third', '三'], ['Fourth', '四'], ['Fifth', '五'], ['Sixth', '六'],
  ['Seventh', '七'], ['Eighth', '八'], ['Ninth', '九'], ['Tenth', '十'], ['Eleventh', '十一'], ['Twelfth', '十二'],
];

export const EVENT_WORDS: readonly Pair[] = [['Summit', '峰会'], ['Forum', '论坛'], ['Conference', '大会'], ['Expo', '博览会']];

export const PROJECT_WORDS: Record<string, Pair> = {
  INITIATIVE: ['Initiative', '倡议'],
  PROGRAMME: ['Programme', '计划'],
  PROJECT: ['Project', '项目'],
  PROJECT_GROUP: ['Project Group', '项目组'],
  FUND: ['Fund', '基金'],
  TRIAL: ['Pilot Trial', '试点'],
  FRAMEWORK: ['Cooperation Framework', '合作框架'],
  INFRASTRUCTURE: ['Hub', '枢纽'],
};

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in']);

/** "Ministry of Trade and Industry" -> "MTI"; null when fewer than two letters would result. */
export function acronym(name: string): string | null {
  let out = '';
  for (const word of name.split(/[\s-]+/)) {
    if (word && !MINOR_WORDS.has(word) && /^[A-Z]/.test(word)) out += word[0];
  }
  return out.length >= 2 ? out : null;
}

/** Lower-case ASCII slug for ids: runs of anything but [a-z0-9] become one dash; a long one is cut at a word end. */
export function slugify(text: string, max = 40): string {
  let slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    const cut = slug.lastIndexOf('-', max);
    slug = slug.slice(0, cut > 0 ? cut : max);
  }
  return slug || 'x';
}
