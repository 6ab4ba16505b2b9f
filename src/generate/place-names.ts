// Place names: real countries (the first few are the hubs), and made-up but plausible Chinese
// two-syllable names for regions and cities ("Jiangning" / "江宁"), which repeat as real ones do.
import type { Rng } from './random';
import type { Pair } from './words';

/** [English, Chinese, optional English alias]; order is the hub order (China, Singapore first). */
export const COUNTRIES: readonly (readonly [string, string, string?])[] = [
  ['China', '中国', "People's Republic of China"], ['Singapore', '新加坡'], ['Malaysia', '马来西亚'],
  ['Indonesia', '印度尼西亚'], ['Thailand', '泰国'], ['Vietnam', '越南'], ['Philippines', '菲律宾'],
  ['Japan', '日本'], ['South Korea', '韩国'], ['India', '印度'], ['Australia', '澳大利亚'],
  ['United Kingdom', '英国', 'UK'], ['United States', '美国', 'USA'], ['Germany', '德国'], ['France', '法国'],
  ['New Zealand', '新西兰'], ['Italy', '意大利'], ['Spain', '西班牙'], ['Netherlands', '荷兰'],
  ['Switzerland', '瑞士'], ['Sweden', '瑞典'], ['Norway', '挪威'], ['Finland', '芬兰'], ['Denmark', '丹麦'],
  ['Canada', '加拿大'], ['Mexico', '墨西哥'], ['Brazil', '巴西'], ['Argentina', '阿根廷'], ['Chile', '智利'],
  ['South Africa', '南非'], ['Egypt', '埃及'], ['Kenya', '肯尼亚'], ['Nigeria', '尼日利亚'],
  ['Saudi Arabia', '沙特阿拉伯'], ['United Arab Emirates', '阿拉伯联合酋长国', 'UAE'], ['Turkey', '土耳其'],
  ['Kazakhstan', '哈萨克斯坦'], ['Pakistan', '巴基斯坦'], ['Cambodia', '柬埔寨'], ['Laos', '老挝'],
  ['Myanmar', '缅甸'], ['Brunei', '文莱'], ['Mongolia', '蒙古'], ['Sri Lanka', '斯里兰卡'],
];

const SYLLABLES: readonly Pair[] = [
  ['Jiang', '江'], ['Ning', '宁'], ['Hu', '湖'], ['Nan', '南'], ['Bei', '北'], ['Dong', '东'], ['Xi', '西'],
  ['Shan', '山'], ['He', '河'], ['Ping', '平'], ['Yang', '阳'], ['Zhou', '州'], ['Chang', '长'],
  ['Long', '龙'], ['Feng', '丰'], ['Qing', '青'], ['Yun', '云'], ['Hai', '海'], ['Tian', '天'], ['Jin', '金'],
  ['Shi', '石'], ['Bai', '白'], ['Hua', '华'], ['Xin', '新'], ['Fu', '福'], ['Guang', '广'], ['De', '德'],
  ['Kai', '开'], ['Ming', '明'], ['Tai', '泰'], ['Yong', '永'], ['Xing', '兴'], ['Lin', '林'], ['Song', '松'],
  ['Quan', '泉'], ['Ling', '陵'], ['Cheng', '城'], ['Yuan', '源'], ['Kang', '康'], ['Shun', '顺'],
  ['Jia', '嘉'], ['Rui', '瑞'], ['Bao', '宝'], ['Sheng', '盛'], ['Zhang', '漳'], ['Hong', '洪'], ['Tong', '通'],
];

/** A two-syllable place name: ["Jiangning", "江宁"]. */
export function drawPlaceWord(rng: Rng): Pair {
  const a = rng.pick(SYLLABLES);
  let b = rng.pick(SYLLABLES);
  if (b === a) b = SYLLABLES[(SYLLABLES.indexOf(a) + 1) % SYLLABLES.length];
  return [a[0] + b[0].toLowerCase(), a[1] + b[1]];
}
