// How Chinese government bodies are named, as data: [place] + field + [suffix], e.g. 重庆市 + 质量技术监督 + 局,
// 中国 + 银行业监督管理 + 委员会 + 重庆 + 监管局. The knowledge is general (not about one plan): the departments of
// a plan are recognised by parsing their own names with it, and a name typed by a user is parsed the same way.

/**
 * A remit that a body's name names. The ids are functions of government; a word names one or several
 * (卫生计生 is health and family planning, 市场监管 merged industry-commerce, quality and food in 2018).
 */
export interface FieldWords {
  /** Functions the words name (a merged body names several). */
  fields: string[];
  /** What the words mean, for messages. */
  gloss: string;
  /** The ways of writing it, longest forms and short forms alike; 和 is ignored when matching. */
  words: string[];
  /** The year from which the name is used, for names of the 2018 reform and later. */
  since?: number;
}

export const FIELD_WORDS: FieldWords[] = [
  // Bodies of a 2016 city government and of the central bodies' local offices.
  { fields: ['industry-it'], gloss: 'economy and information technology', words: ['经济和信息化', '经济信息化', '经济信息', '经信', '工业和信息化', '工业信息化', '工信', '经济', '经', '工业'] },
  { fields: ['science'], gloss: 'science and technology', words: ['科学技术', '科技', '科'] },
  // 质检 is left out on purpose: it is both the quality bureau (质监) and the inspection-quarantine bureau
  // (the national 质检总局 was both), so a typed 质检局 is taken as a same-sound slip for 质监局, with a note.
  { fields: ['quality'], gloss: 'quality and technical supervision', words: ['质量技术监督', '质量监督', '技术监督', '质量技监', '质监', '技监'] },
  { fields: ['sme'], gloss: 'small and medium enterprises', words: ['中小企业发展', '中小企业', '中小企', '乡镇企业'] },
  { fields: ['industry-commerce'], gloss: 'industry and commerce administration', words: ['工商行政管理', '工商'] },
  { fields: ['food', 'drug'], gloss: 'food and drug administration', words: ['食品药品监督管理', '食品药品监管', '食品药品', '食药监', '食药'] },
  { fields: ['drug'], gloss: 'drug administration', words: ['药品监督管理', '药品监管', '药监'] },
  { fields: ['food'], gloss: 'food safety', words: ['食品安全', '食安'] },
  { fields: ['industry-commerce', 'quality', 'food'], gloss: 'market regulation, the 2018 merger of industry-commerce, quality and food', words: ['市场监督管理', '市场监管'], since: 2018 },
  { fields: ['foreign-trade'], gloss: 'foreign trade and economic cooperation', words: ['对外贸易经济合作', '对外贸易经济', '对外经济贸易', '对外贸易', '外经贸', '外经', '外贸'] },
  { fields: ['commerce'], gloss: 'commerce', words: ['商业', '商', '内贸'] },
  // 商务 (commerce, as the 商务部 of 2003) covers domestic and foreign trade: a city may have one body for both.
  { fields: ['commerce', 'foreign-trade'], gloss: 'commerce, domestic and foreign', words: ['商务'] },
  { fields: ['inspection'], gloss: 'entry-exit inspection and quarantine', words: ['出入境检验检疫', '检验检疫', '检疫', '进出口商品检验', '商检'] },
  { fields: ['quality', 'inspection'], gloss: 'quality supervision, inspection and quarantine', words: ['质量监督检验检疫'] },
  { fields: ['development'], gloss: 'development and reform', words: ['发展和改革', '发展改革', '发改', '发展计划', '计划'] },
  { fields: ['transport'], gloss: 'transport', words: ['交通运输', '交通', '交'] },
  { fields: ['health'], gloss: 'health', words: ['卫生'] },
  { fields: ['health', 'family-planning'], gloss: 'health and family planning', words: ['卫生和计划生育', '卫生计生', '卫计'] },
  { fields: ['health', 'family-planning'], gloss: 'health, the 2018 successor of health and family planning', words: ['卫生健康', '卫健'], since: 2018 },
  { fields: ['family-planning'], gloss: 'family planning', words: ['人口和计划生育', '人口计生', '计划生育', '计生'] },
  { fields: ['tourism'], gloss: 'tourism', words: ['旅游发展', '旅游', '旅发'] },
  { fields: ['culture', 'tourism'], gloss: 'culture and tourism, merged in 2018', words: ['文化和旅游发展', '文化旅游发展', '文化和旅游', '文化旅游', '文旅'], since: 2018 },
  { fields: ['culture'], gloss: 'culture', words: ['文化', '文化市场'] },
  { fields: ['enforcement'], gloss: 'law enforcement', words: ['综合行政执法', '行政执法', '执法'] },
  { fields: ['finance-office'], gloss: 'the government finance office', words: ['金融工作', '金融服务', '金融'] },
  { fields: ['finance-office'], gloss: 'local financial regulation, the 2018 successor of the finance office', words: ['地方金融监督管理', '地方金融监管', '地方金融管理'], since: 2018 },
  { fields: ['central-bank'], gloss: "the People's Bank of China", words: ['中国人民银行', '人民银行', '人行', '央行'] },
  { fields: ['banking'], gloss: 'banking regulation', words: ['银行业监督管理', '银行业监管', '银监'] },
  { fields: ['banking', 'insurance'], gloss: 'banking and insurance regulation, merged in 2018', words: ['银行保险监督管理', '银保监'], since: 2018 },
  { fields: ['banking', 'insurance'], gloss: 'financial regulation, the 2023 successor of banking and insurance regulation', words: ['金融监督管理', '金融监管'], since: 2023 },
  { fields: ['education'], gloss: 'education', words: ['教育', '教'] },
  { fields: ['construction'], gloss: 'urban and rural construction', words: ['城乡建设', '城乡建', '建设', '建'] },
  { fields: ['construction', 'housing'], gloss: 'housing and urban-rural construction', words: ['住房和城乡建设', '住房城乡建设', '住建'] },
  { fields: ['agriculture'], gloss: 'agriculture', words: ['农业', '农', '农村工作'] },
  { fields: ['agriculture'], gloss: 'agriculture and rural affairs, the 2018 successor of agriculture', words: ['农业农村'], since: 2018 },
  { fields: ['human-resources'], gloss: 'human resources and social security', words: ['人力资源和社会保障', '人力资源社会保障', '人力社保', '人社', '劳动和社会保障', '劳动保障', '人事'] },
  { fields: ['environment'], gloss: 'environmental protection', words: ['环境保护', '环保', '环境'] },
  { fields: ['environment'], gloss: 'ecology and environment, the 2018 successor of environmental protection', words: ['生态环境'], since: 2018 },
  { fields: ['water'], gloss: 'water resources', words: ['水利', '水务', '水'] },
  { fields: ['state-assets'], gloss: 'state-owned assets supervision', words: ['国有资产监督管理', '国有资产', '国资'] },
  { fields: ['forestry'], gloss: 'forestry', words: ['林业', '林'] },
  { fields: ['forestry'], gloss: 'forestry and grassland, the 2018 name of forestry', words: ['林业和草原', '林草'], since: 2018 },
  { fields: ['finance'], gloss: 'public finance', words: ['财政'] },
  { fields: ['public-security'], gloss: 'public security, police', words: ['公安'] },
  { fields: ['intellectual-property'], gloss: 'intellectual property', words: ['知识产权'] },
  { fields: ['customs'], gloss: 'customs', words: ['海关'] },
  { fields: ['port'], gloss: 'ports of entry', words: ['口岸'] },
  { fields: ['port'], gloss: 'ports and logistics, the later name of the ports office', words: ['口岸和物流', '口岸物流'], since: 2018 },
  { fields: ['urban'], gloss: 'urban management', words: ['市政管理', '市政', '城市管理', '城管', '市容', '市政市容', '市容环境卫生', '城市管理综合执法', '城市管理执法', '城管执法'] },
  { fields: ['postal'], gloss: 'postal regulation', words: ['邮政管理', '邮管', '邮政'] },
  { fields: ['legal-affairs'], gloss: 'government legal affairs', words: ['政府法制', '法制'] },

  // Bodies that a plan may not name: known, so that they are answered as absent and not matched by likeness.
  { fields: ['postal-operator'], gloss: 'the postal operator, China Post', words: ['中国邮政', '邮政集团', '邮政公司', '邮局', '邮电'] },
  { fields: ['general-office'], gloss: "the government's general office, the issuer of plans", words: ['办公厅'] },
  { fields: ['audit'], gloss: 'audit', words: ['审计'] },
  { fields: ['statistics'], gloss: 'statistics', words: ['统计'] },
  { fields: ['civil-affairs'], gloss: 'civil affairs', words: ['民政'] },
  { fields: ['tax'], gloss: 'taxation', words: ['税务', '国税', '地税', '国家税务', '地方税务'] },
  { fields: ['sport'], gloss: 'sport', words: ['体育'] },
  { fields: ['meteorology'], gloss: 'meteorology', words: ['气象'] },
  { fields: ['securities'], gloss: 'securities regulation', words: ['证券监督管理', '证监'] },
  { fields: ['insurance'], gloss: 'insurance regulation', words: ['保险监督管理', '保监'] },
  { fields: ['foreign-affairs'], gloss: 'foreign affairs', words: ['外事侨务', '外事', '外办'] },
  { fields: ['work-safety'], gloss: 'work safety', words: ['安全生产监督管理', '安全生产监管', '安全生产', '安监'] },
  { fields: ['emergency', 'work-safety'], gloss: 'emergency management, from 2018', words: ['应急管理', '应急'], since: 2018 },
  { fields: ['prices'], gloss: 'prices', words: ['物价'] },
  { fields: ['land', 'housing'], gloss: 'land resources and housing', words: ['国土资源和房屋管理', '国土资源房屋管理', '国土房管'] },
  { fields: ['land'], gloss: 'land resources', words: ['国土资源', '国土'] },
  { fields: ['housing'], gloss: 'housing', words: ['房屋管理', '房地产管理', '房管', '住房保障', '住房公积金管理', '公积金'] },
  { fields: ['planning'], gloss: 'urban planning', words: ['城乡规划', '城市规划', '规划'] },
  { fields: ['planning', 'natural-resources'], gloss: 'planning and natural resources, from 2018', words: ['规划和自然资源', '规划自然资源'], since: 2018 },
  { fields: ['natural-resources'], gloss: 'natural resources', words: ['自然资源'], since: 2018 },
  { fields: ['grain'], gloss: 'grain reserves', words: ['粮食和物资储备', '粮食物资', '粮食'] },
  { fields: ['tobacco'], gloss: 'the tobacco monopoly', words: ['烟草专卖', '烟草'] },
  { fields: ['justice'], gloss: 'justice', words: ['司法'] },
  { fields: ['veterans'], gloss: 'veterans affairs', words: ['退役军人事务', '退役军人'], since: 2018 },
  { fields: ['medical-insurance'], gloss: 'medical insurance', words: ['医疗保障', '医保'], since: 2018 },
  { fields: ['big-data'], gloss: 'big data development', words: ['大数据应用发展', '大数据发展', '大数据'], since: 2018 },
  { fields: ['party-committee'], gloss: 'the Party committee', words: ['中国共产党', '党委', '市委', '省委', '县委', '区委'] },
  { fields: ['congress'], gloss: "the people's congress, not a government department", words: ['人民代表大会常务委员会', '人民代表大会', '人大常委', '人大'] },
  { fields: ['cppcc'], gloss: 'the political consultative conference, not a government department', words: ['政治协商会议', '政协'] },
  { fields: ['court'], gloss: 'a court, not a government department', words: ['人民法院', '法院'] },
  { fields: ['procuratorate'], gloss: 'a procuratorate, not a government department', words: ['人民检察院', '检察院'] },
  { fields: ['discipline'], gloss: 'discipline inspection, a Party body', words: ['纪律检查', '纪委'] },
  { fields: ['propaganda'], gloss: 'propaganda, a Party department', words: ['宣传'] },
  { fields: ['organisation'], gloss: 'organisation, a Party department', words: ['组织'] },
  { fields: ['united-front'], gloss: 'united front work, a Party department', words: ['统一战线', '统战'] },
  { fields: ['sanitation'], gloss: 'environmental sanitation', words: ['环境卫生', '环卫'] },
  { fields: ['ethnic-religious'], gloss: 'ethnic and religious affairs', words: ['民族宗教', '民宗', '民族', '宗教'] },
  { fields: ['overseas-chinese'], gloss: 'overseas Chinese affairs', words: ['侨务', '侨'] },
  { fields: ['petitions'], gloss: 'letters and visits', words: ['信访'] },
  { fields: ['archives'], gloss: 'archives', words: ['档案'] },
  { fields: ['civil-defence'], gloss: 'civil air defence', words: ['人民防空', '人防'] },
  { fields: ['government-affairs'], gloss: 'government offices administration', words: ['机关事务管理', '机关事务'] },
  { fields: ['seismology'], gloss: 'earthquakes', words: ['地震'] },
  { fields: ['supervision'], gloss: 'supervision (监察)', words: ['监察', '纪检监察'] },
  { fields: ['establishment'], gloss: 'organisation establishment', words: ['机构编制', '编制', '编'] },
  { fields: ['taiwan'], gloss: 'Taiwan affairs', words: ['台湾事务', '台'] },
  { fields: ['hongkong-macao'], gloss: 'Hong Kong and Macao affairs', words: ['港澳事务', '港澳'] },
  { fields: ['poverty'], gloss: 'poverty alleviation', words: ['扶贫开发', '扶贫', '乡村振兴'] },
  { fields: ['migration'], gloss: 'resettlement', words: ['移民'] },
  { fields: ['coal'], gloss: 'coal', words: ['煤炭', '煤矿安全', '煤管'] },
  { fields: ['investment'], gloss: 'investment promotion', words: ['招商投资', '招商'] },
  { fields: ['supply-cooperative'], gloss: 'supply and marketing cooperatives', words: ['供销合作', '供销'] },
  { fields: ['radio-tv'], gloss: 'radio and television', words: ['广播电视', '广电'] },
  { fields: ['press'], gloss: 'press and publication', words: ['新闻出版', '版权'] },
  { fields: ['heritage'], gloss: 'cultural heritage', words: ['文物'] },
  { fields: ['surveying'], gloss: 'surveying and mapping', words: ['测绘地理信息', '测绘'] },
  { fields: ['maritime'], gloss: 'maritime safety', words: ['海事'] },
  { fields: ['energy'], gloss: 'energy', words: ['能源', '电力'] },
  { fields: ['telecom'], gloss: 'telecommunications regulation', words: ['通信管理', '通管'] },
  { fields: ['consumer'], gloss: 'consumer protection, a social body', words: ['消费者权益保护', '消费者', '消'] },
  { fields: ['women'], gloss: "women's federation", words: ['妇女', '妇'] },
  { fields: ['disabled'], gloss: "disabled persons' federation", words: ['残疾人', '残'] },
  { fields: ['red-cross'], gloss: 'the Red Cross', words: ['红十字'] },
  { fields: ['public-resources'], gloss: 'public resources trading', words: ['公共资源交易'] },
  { fields: ['government-services'], gloss: 'government services and approval', words: ['政务服务', '行政审批'] },
  { fields: ['fisheries'], gloss: 'fisheries', words: ['渔业'] },
  { fields: ['animal-husbandry'], gloss: 'animal husbandry', words: ['畜牧兽医', '畜牧'] },
  { fields: ['agricultural-machinery'], gloss: 'agricultural machinery', words: ['农业机械化', '农机'] },
];

/** Words in both interface languages, made where the facts are: the resolver's reasons and refusals. */
export interface Words {
  en: string;
  zh: string;
}

let canonical: Map<string, string> | undefined;

/**
 * A field's own name in full, in Chinese: the first word of the first entry that names it alone (工信 → 经济和信息化),
 * else of the first that names it with others (emergency → 应急管理).
 */
export function canonicalWord(field: string): string {
  if (!canonical) {
    canonical = new Map();
    for (const e of FIELD_WORDS) if (e.fields.length === 1 && !canonical.has(e.fields[0]!)) canonical.set(e.fields[0]!, e.words[0]!);
    for (const e of FIELD_WORDS) for (const f of e.fields) if (!canonical.has(f)) canonical.set(f, e.words[0]!);
  }
  return canonical.get(field)!;
}

/** What a field word means: `工信 = economy and information technology`, `工信即经济和信息化`, `商务涵盖商业、对外贸易经济合作`. */
export function glossWords(word: string, entry: FieldWords): Words {
  const full = entry.fields.length === 1 ? canonicalWord(entry.fields[0]!) : undefined;
  const zh = full ? (withoutConnectors(full) === word ? word : `${word}即${full}`) : `${word}涵盖${entry.fields.map(canonicalWord).join('、')}`;
  return { en: `${word} = ${entry.gloss}`, zh: entry.since ? `${zh}，${entry.since} 年起的名称` : zh };
}

/** What the end of a name makes a body: a department, a law-enforcement corps, a central body's local office … */
export type SuffixKind = 'organ' | 'corps' | 'office' | 'national' | 'social';

/**
 * Suffixes and what they make a body. One city's 局 is another's 委 or a province's 厅 (organ); a 总队 is an
 * enforcement corps; 部 / 总局 / 总署 end the names of national bodies; 协会 / 联合会 / 商会 those of people's
 * organisations (科协, 工商联), which are not government departments.
 */
export const SUFFIXES: Record<string, SuffixKind> = {
  委员会: 'organ', 管理委员会: 'organ', 委: 'organ', 局: 'organ', 管理局: 'organ', 监督管理局: 'organ', 厅: 'organ',
  办公室: 'organ', 工作办公室: 'organ', 办: 'organ', 署: 'national',
  总队: 'corps', 支队: 'corps', 大队: 'corps',
  营业管理部: 'office', 营管部: 'office', 监管局: 'office', 监管分局: 'office', 分局: 'office', 办事处: 'office', 特派员办事处: 'office',
  部: 'national', 总局: 'national', 总署: 'national',
  协会: 'social', 学会: 'social', 合作社: 'social', 社: 'social', 联合会: 'social', 促进会: 'social', 商会: 'social', 总商会: 'social', 工会: 'social', 总工会: 'social',
  协: 'social', 联: 'social', 会: 'social',
};

/** A unit inside a body: 重庆市质监局办公室 is 市质监局's own office, its duties the bureau's. */
export const INTERNAL_UNITS = ['办公室', '机关', '处', '科', '室'];

/**
 * Where a body is: the country, the city and its government. Typed or left out at will (质监局 = 市质监局 =
 * 重庆市质监局). 国家 and 国务院 mark a national body, unless a place follows (国家…总局重庆监管局 is local).
 */
export const PLACES = [
  '中华人民共和国', '中国', '中共', '国家', '国务院', '重庆市人民政府', '重庆市政府', '重庆市', '重庆', '市人民政府', '市政府', '人民政府', '政府', '全市', '市', '省人民政府', '省政府', '省',
];

/** Places that make a body national when nothing more local follows them. */
export const NATIONAL_PLACES = ['国家', '国务院'];

/** The cost of a parse token for the one parse a name gets: words of a field first, then as few tokens as possible. */
export type TokenKind = 'field' | 'suffix' | 'place';

export interface Token {
  kind: TokenKind;
  text: string;
  /** For a field word: its entry. */
  entry?: FieldWords;
}

interface Lexicon {
  words: Map<string, Token>;
  longest: number;
}

let lexicon: Lexicon | undefined;

function buildLexicon(): Lexicon {
  const words = new Map<string, Token>();
  // Places and suffixes first: a word that is also a field word (市政) is kept as the field word below.
  for (const text of PLACES) words.set(text, { kind: 'place', text });
  for (const text of Object.keys(SUFFIXES)) words.set(text, { kind: 'suffix', text });
  for (const entry of FIELD_WORDS) {
    for (const word of entry.words) {
      const text = withoutConnectors(word);
      if (!words.has(text) || words.get(text)!.kind !== 'field') words.set(text, { kind: 'field', text, entry });
    }
  }
  let longest = 0;
  for (const text of words.keys()) longest = Math.max(longest, text.length);
  return { words, longest };
}

/** 和 and 与 join the words of a field (经济和信息化 = 经济信息化); they are ignored when names are parsed. */
export function withoutConnectors(text: string): string {
  return text.replace(/[和与及]/g, '');
}

/** A name as words of the naming vocabulary. */
export interface ParsedName {
  tokens: Token[];
  /** The functions its field words name. */
  fields: Set<string>;
  /** The kind of its last suffix, if it ends in one. */
  suffix?: SuffixKind;
  /** True for a national body: 工信部, 海关总署, 国家邮政局. */
  national: boolean;
  /** The latest year from which one of its words is used (2018 for 市场监管). */
  since?: number;
  /** Another place than the plan's city: a district or county (渝北区, 县), another city or province (北京市). */
  elsewhere?: string;
}

// A district or county (渝北区质监局, 县教委) or another city or province (北京市商务局) in front of a name: a body
// of that place, not of the plan's city. Tried only when the name does not parse as it is.
const OTHER_PLACES = [/^[\u4e00-\u9fff]{0,8}?(?:自治县|区县|区|县)/, /^[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|市|省|州)/];

/**
 * Parses a name (folded, without spaces) into places, field words and suffixes, covering all of it; undefined
 * when some part is not a word of the vocabulary. Of several parses, the one with the most characters in field
 * words, then the fewest tokens (市政委 is 市政 + 委, not 市 + 政 + 委).
 *
 * @example parseName('重庆市经济和信息化委员会')!.fields // Set { 'industry-it' }
 */
export function parseName(name: string): ParsedName | undefined {
  lexicon ??= buildLexicon();
  const { words, longest } = lexicon;
  const text = withoutConnectors(name);
  if (text === '' || text.length > 64) return undefined;
  // best[i]: the best parse of text[i..], by (field characters, -tokens).
  const best: ({ tokens: Token[]; fieldChars: number } | null)[] = new Array(text.length + 1).fill(null);
  best[text.length] = { tokens: [], fieldChars: 0 };
  for (let i = text.length - 1; i >= 0; i--) {
    for (let length = Math.min(longest, text.length - i); length >= 1; length--) {
      const token = words.get(text.slice(i, i + length));
      const rest = best[i + length];
      if (!token || !rest) continue;
      const fieldChars = rest.fieldChars + (token.kind === 'field' ? length : 0);
      const tokens = [token, ...rest.tokens];
      const current = best[i];
      if (!current || fieldChars > current.fieldChars || (fieldChars === current.fieldChars && tokens.length < current.tokens.length)) {
        best[i] = { tokens, fieldChars };
      }
    }
  }
  const parse = best[0];
  if (parse) return describe(parse.tokens);
  for (const pattern of OTHER_PLACES) {
    const place = pattern.exec(text)?.[0];
    const rest = place && place.length < text.length ? parseName(text.slice(place.length)) : undefined;
    if (place && rest && rest.fields.size > 0 && !rest.elsewhere) return { ...rest, elsewhere: place };
  }
  return undefined;
}

/** Places that make a body the city government's own (市金融监管局), not a national body's office in the city (重庆金融监管局). */
const CITY_GOVERNMENT = ['重庆市人民政府', '重庆市政府', '重庆市', '市人民政府', '市政府', '市'];

function describe(tokens: Token[]): ParsedName {
  const fields = new Set<string>();
  let since: number | undefined;
  for (const t of tokens) {
    if (t.kind !== 'field') continue;
    for (const f of t.entry!.fields) fields.add(f);
    if (t.entry!.since && (since === undefined || t.entry!.since > since)) since = t.entry!.since;
  }
  // The city's own 金融监管局 is its local financial regulator (地方金融监督管理局, the finance office's successor);
  // the national regulator's office in the city is 重庆金融监管局. A name of the city government may be either.
  if (fields.has('banking') && tokens.some((t) => t.kind === 'field' && t.text.startsWith('金融')) && CITY_GOVERNMENT.includes(tokens[0]!.text)) fields.add('finance-office');
  const last = tokens.at(-1)!;
  // 会 after a regulator's field word (银监会, 证监会, 银保监会) is 监督管理委员会 shortened: a national commission,
  // not a people's organisation.
  const before = tokens.at(-2);
  const commission = last.text === '会' && before?.kind === 'field' && before.text.endsWith('监');
  const suffix = last.kind === 'suffix' ? (commission ? 'national' : SUFFIXES[last.text]) : undefined;
  const firstField = tokens.findIndex((t) => t.kind === 'field');
  // A place after the field words (…委员会重庆监管局) makes a national body's local office.
  const local = firstField >= 0 && tokens.slice(firstField).some((t) => t.kind === 'place');
  const national = !local && (suffix === 'national' || NATIONAL_PLACES.includes(tokens[0]!.text));
  return { tokens, fields, ...(suffix ? { suffix } : {}), national, ...(since ? { since } : {}) };
}

/** Every word of the vocabulary: for spelling pinyin and for likeness with names a plan does not have. */
export function vocabulary(): Token[] {
  lexicon ??= buildLexicon();
  return [...lexicon.words.values()];
}
