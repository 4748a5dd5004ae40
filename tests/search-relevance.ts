// What a person would expect `plan search` to find in the Chongqing plan: for each query, the tasks that are
// about it. Written by reading the plan, not by running the search. `absent` queries name things the plan
// never mentions and must find nothing.
export interface RelevanceCase {
  query: string;
  kind: 'word' | 'phrase' | 'terms' | 'order' | 'typo' | 'traditional' | 'pinyin' | 'width' | 'absent';
  relevant: number[];
}

export const RELEVANCE: RelevanceCase[] = [
  // A word, wherever it stands in a task.
  { query: '电梯', kind: 'word', relevant: [37, 67] },
  { query: '跨境电商', kind: 'word', relevant: [3, 58, 59, 66] },
  { query: '食品安全', kind: 'word', relevant: [34, 40, 41, 67] },
  { query: '质量月', kind: 'word', relevant: [47] },
  { query: '工匠精神', kind: 'word', relevant: [15] },
  { query: '锅炉', kind: 'word', relevant: [35] },
  { query: '单一窗口', kind: 'word', relevant: [56] },
  { query: '渝新欧', kind: 'word', relevant: [56, 59, 66] },
  { query: '老字号', kind: 'word', relevant: [10] },
  { query: '医疗器械', kind: 'word', relevant: [33] },
  { query: '团体标准', kind: 'word', relevant: [28] },
  { query: '海外仓', kind: 'word', relevant: [66] },
  { query: '原产地', kind: 'word', relevant: [58] },
  { query: '技师', kind: 'word', relevant: [17] },
  { query: '追溯', kind: 'word', relevant: [36, 46, 57] },
  { query: '知识产权', kind: 'word', relevant: [30, 44, 46, 48] },
  { query: '加工贸易', kind: 'word', relevant: [61] },
  { query: '涂料', kind: 'word', relevant: [6] },
  // A phrase whose words the plan writes apart or in another form (电子商务产品质量 for 电子商务质量).
  { query: '电子商务质量', kind: 'phrase', relevant: [46, 62, 63] },
  { query: '品牌建设', kind: 'phrase', relevant: [8, 13] },
  { query: '质量信用', kind: 'phrase', relevant: [45, 44, 46] },
  { query: '出口汽车', kind: 'phrase', relevant: [57, 3, 58] },
  { query: '食品监管', kind: 'phrase', relevant: [40, 41] },
  { query: '人才培养', kind: 'phrase', relevant: [73, 16] },
  { query: '电梯安全监管', kind: 'phrase', relevant: [37] },
  // Several terms, all of which must match.
  { query: '电梯 保险', kind: 'terms', relevant: [37] },
  { query: '食品 学校', kind: 'terms', relevant: [41] },
  { query: '汽车 进口', kind: 'terms', relevant: [59] },
  { query: '农产品 追溯', kind: 'terms', relevant: [46] },
  { query: '旅游 标准化', kind: 'terms', relevant: [69] },
  { query: '金融 宣传', kind: 'terms', relevant: [50] },
  { query: '品牌 海外', kind: 'terms', relevant: [49] },
  // Another word order.
  { query: '电商跨境', kind: 'order', relevant: [3, 58, 59, 66] },
  { query: '精神工匠', kind: 'order', relevant: [15] },
  { query: '保险电梯', kind: 'order', relevant: [37] },
  { query: '标准团体', kind: 'order', relevant: [28] },
  // One wrong character: a homophone, as a pinyin input method gives, or any in a longer word.
  { query: '工匠精伸', kind: 'typo', relevant: [15] },
  { query: '老字好', kind: 'typo', relevant: [10] },
  { query: '跨境电伤', kind: 'typo', relevant: [3, 58, 59, 66] },
  { query: '医疗器谢', kind: 'typo', relevant: [33] },
  { query: '质量悦', kind: 'typo', relevant: [47] },
  { query: '渝新鸥', kind: 'typo', relevant: [56, 59, 66] },
  { query: '公共信用信息平合', kind: 'typo', relevant: [44] },
  { query: '质量工作考合', kind: 'typo', relevant: [51] },
  // Traditional characters.
  { query: '電梯', kind: 'traditional', relevant: [37, 67] },
  { query: '跨境電商', kind: 'traditional', relevant: [3, 58, 59, 66] },
  { query: '醫療器械', kind: 'traditional', relevant: [33] },
  { query: '團體標準', kind: 'traditional', relevant: [28] },
  { query: '質量月', kind: 'traditional', relevant: [47] },
  // Pinyin in Latin letters, whole or initials.
  { query: 'dianti', kind: 'pinyin', relevant: [37, 67] },
  { query: 'guolu', kind: 'pinyin', relevant: [35] },
  { query: 'laozihao', kind: 'pinyin', relevant: [10] },
  { query: 'gongjiangjingshen', kind: 'pinyin', relevant: [15] },
  { query: 'kjds', kind: 'pinyin', relevant: [3, 58, 59, 66] },
  { query: 'haiwaicang', kind: 'pinyin', relevant: [66] },
  // Full-width and half-width forms.
  { query: '１２３１５', kind: 'width', relevant: [48] },
  { query: 'ＱＣ', kind: 'width', relevant: [24] },
  { query: 'ｑｃ小组', kind: 'width', relevant: [24] },
  { query: '96333', kind: 'width', relevant: [37] },
  // Not in the plan: nothing may be found.
  { query: '量子计算', kind: 'absent', relevant: [] },
  { query: '区块链', kind: 'absent', relevant: [] },
  { query: '人工智能', kind: 'absent', relevant: [] },
  { query: '大数据', kind: 'absent', relevant: [] },
  { query: '物联网', kind: 'absent', relevant: [] },
  { query: '新冠疫情', kind: 'absent', relevant: [] },
  { query: '碳中和', kind: 'absent', relevant: [] },
  { query: '房地产', kind: 'absent', relevant: [] },
  { query: '乡村振兴', kind: 'absent', relevant: [] },
  { query: '新能源汽车', kind: 'absent', relevant: [] },
  { query: '自动驾驶', kind: 'absent', relevant: [] },
  { query: '共享单车', kind: 'absent', relevant: [] },
];
