// Realistic people's names: Chinese surnames and given names drawn by frequency (so "Zhang Wei" /
// "张伟" recurs the way it does in life), plus Singapore-style names ("Joseph Leong").
import { AliasTable, type Rng } from './random';
import type { Pair } from './words';

type Weighted = readonly [en: string, zh: string, weight: number];

const SURNAMES: readonly Weighted[] = [
  ['Wang', '王', 72], ['Li', '李', 72], ['Zhang', '张', 68], ['Liu', '刘', 54], ['Chen', '陈', 45],
  ['Yang', '杨', 31], ['Huang', '黄', 22], ['Zhao', '赵', 21], ['Wu', '吴', 20], ['Zhou', '周', 20],
  ['Xu', '徐', 16], ['Sun', '孙', 14], ['Ma', '马', 13], ['Zhu', '朱', 12], ['Hu', '胡', 11],
  ['Guo', '郭', 11], ['He', '何', 10], ['Gao', '高', 9], ['Lin', '林', 9], ['Luo', '罗', 8],
  ['Zheng', '郑', 8], ['Liang', '梁', 8], ['Xie', '谢', 6], ['Song', '宋', 6], ['Tang', '唐', 6],
  ['Xu', '许', 5], ['Han', '韩', 5], ['Feng', '冯', 5], ['Deng', '邓', 5], ['Cao', '曹', 5],
  ['Peng', '彭', 5], ['Zeng', '曾', 4], ['Xiao', '肖', 4], ['Tian', '田', 4], ['Dong', '董', 4],
  ['Yuan', '袁', 4], ['Pan', '潘', 4], ['Cai', '蔡', 4], ['Jiang', '蒋', 4], ['Yu', '余', 4],
  ['Du', '杜', 3], ['Ye', '叶', 3], ['Cheng', '程', 3], ['Wei', '魏', 3], ['Su', '苏', 3],
  ['Ding', '丁', 3], ['Ren', '任', 3], ['Shen', '沈', 3], ['Yao', '姚', 3], ['Lu', '卢', 3],
  ['Jiang', '姜', 3], ['Cui', '崔', 3], ['Zhong', '钟', 3], ['Tan', '谭', 3], ['Lu', '陆', 2],
  ['Fan', '范', 2], ['Jin', '金', 2], ['Shi', '石', 2], ['Liao', '廖', 2], ['Jia', '贾', 2],
  ['Xia', '夏', 2], ['Fu', '傅', 2], ['Fang', '方', 2], ['Bai', '白', 2], ['Zou', '邹', 2],
  ['Meng', '孟', 2], ['Xiong', '熊', 2], ['Qin', '秦', 2], ['Qiu', '邱', 2], ['Yin', '尹', 2],
  ['Xue', '薛', 2], ['Yan', '闫', 2], ['Duan', '段', 2], ['Lei', '雷', 2], ['Hou', '侯', 2],
  ['Long', '龙', 2], ['Tao', '陶', 2], ['Gu', '顾', 2], ['Mao', '毛', 2], ['Hao', '郝', 2],
  ['Gong', '龚', 2], ['Shao', '邵', 2], ['Wan', '万', 2], ['Qian', '钱', 2], ['Dai', '戴', 2],
  ['Mo', '莫', 1], ['Kong', '孔', 1], ['Xiang', '向', 1], ['Qin', '覃', 1], ['Mai', '麦', 1],
];

/** Syllables of given names; none starts with a vowel, so two join without an apostrophe. */
const GIVEN: readonly Weighted[] = [
  ['Wei', '伟', 30], ['Fang', '芳', 20], ['Na', '娜', 18], ['Min', '敏', 18], ['Jing', '静', 18],
  ['Li', '丽', 17], ['Qiang', '强', 16], ['Lei', '磊', 15], ['Jun', '军', 15], ['Yang', '洋', 14],
  ['Yong', '勇', 14], ['Yan', '艳', 13], ['Jie', '杰', 13], ['Juan', '娟', 12], ['Tao', '涛', 12],
  ['Ming', '明', 12], ['Chao', '超', 11], ['Xia', '霞', 10], ['Ping', '平', 10], ['Gang', '刚', 10],
  ['Hui', '辉', 9], ['Hua', '华', 9], ['Jian', '建', 9], ['Guo', '国', 8], ['Hong', '红', 8],
  ['Xin', '鑫', 8], ['Bin', '斌', 7], ['Bo', '波', 7], ['Hai', '海', 7], ['Lin', '林', 7],
  ['Ling', '玲', 6], ['Mei', '梅', 6], ['Ning', '宁', 6], ['Peng', '鹏', 6], ['Qing', '清', 5],
  ['Rong', '荣', 5], ['Shan', '山', 5], ['Song', '松', 5], ['Ting', '婷', 5], ['Wen', '文', 5],
  ['Xiu', '秀', 5], ['Ying', '英', 5], ['Yu', '玉', 5], ['Yun', '云', 5], ['Zhi', '志', 5],
  ['Zhong', '忠', 4], ['Hao', '浩', 4], ['Kai', '凯', 4], ['Long', '龙', 4], ['Jia', '佳', 4],
  ['Xiao', '晓', 4], ['Dong', '东', 4], ['Feng', '峰', 4], ['Chun', '春', 3], ['Qiu', '秋', 3],
  ['De', '德', 3], ['Cheng', '成', 3], ['Sheng', '胜', 3], ['Xue', '雪', 3], ['Lan', '兰', 3],
  ['Zhen', '振', 3], ['Zi', '子', 3], ['Han', '涵', 3], ['Xuan', '轩', 3], ['Ran', '然', 2],
  ['Yi', '怡', 2], ['Chen', '晨', 2], ['Rui', '睿', 2], ['Tian', '天', 2], ['Yue', '悦', 2],
];

const WESTERN_GIVEN: readonly string[] = [
  'David', 'Michael', 'Joseph', 'Peter', 'James', 'Daniel', 'Kevin', 'Jason', 'Eric', 'Vincent',
  'Raymond', 'Alvin', 'Melissa', 'Grace', 'Michelle', 'Jenny', 'Rachel', 'Karen', 'Alice', 'Sharon',
  'Adrian', 'Benjamin', 'Desmond', 'Gabriel', 'Ian', 'Jack', 'Lawrence', 'Serene', 'Vivian', 'Winston',
];

/** Singapore / Hong Kong romanisations with the character they write. */
const SOUTHERN_SURNAMES: readonly Pair[] = [
  ['Tan', '陈'], ['Lim', '林'], ['Lee', '李'], ['Ng', '黄'], ['Ong', '王'], ['Goh', '吴'], ['Chua', '蔡'],
  ['Koh', '许'], ['Teo', '张'], ['Leong', '梁'], ['Wong', '黄'], ['Chan', '陈'], ['Cheung', '张'],
  ['Ho', '何'], ['Yeo', '杨'], ['Low', '刘'], ['Chong', '庄'], ['Sim', '沈'], ['Toh', '卓'], ['Chia', '谢'],
];

const surnames = new AliasTable(SURNAMES.map((s) => s[2]));
const given = new AliasTable(GIVEN.map((g) => g[2]));

export interface PersonName {
  en: string;
  zh: string | null;
  /** An English alias ("Jack Zhang"), or null. */
  alias: string | null;
}

/** One person's names; `zh` is null for the Singapore-style names that have no known characters. */
export function drawPersonName(rng: Rng): PersonName {
  if (rng.chance(0.08)) {
    const [sEn, sZh] = rng.pick(SOUTHERN_SURNAMES);
    const first = rng.pick(WESTERN_GIVEN);
    const g = GIVEN[given.sample(rng)];
    const g2 = GIVEN[given.sample(rng)];
    return { en: `${first} ${sEn}`, zh: rng.chance(0.5) ? sZh + g[1] + g2[1] : null, alias: null };
  }
  const [sEn, sZh] = SURNAMES[surnames.sample(rng)];
  const g1 = GIVEN[given.sample(rng)];
  let gEn = g1[0];
  let gZh = g1[1];
  if (rng.chance(0.7)) {
    const g2 = GIVEN[given.sample(rng)];
    gEn += g2[0].toLowerCase();
    gZh += g2[1];
  }
  const alias = rng.chance(0.05) ? `${rng.pick(WESTERN_GIVEN)} ${sEn}` : null;
  return { en: `${sEn} ${gEn}`, zh: sZh + gZh, alias };
}
