/**
 * Deterministic demo catalog and commercial terms for the 清源净水 Qingyuan Water
 * demo channel (accounts in ./demo-data.ts).
 *
 * - Categories: 6 top-level categories, 25 leaf categories (parents listed first).
 * - Products: 209 products (322 skus) built from model families by small generator
 *   functions below (purifiers, filters, dispensers, whole-house treatment,
 *   kitchen appliances, accessories), 1–3 variants each.
 * - Price lists are expressed as factors of each sku's suggested retail price
 *   (SRP), with optional quantity breaks; floors are per buyer tier (brand MAP).
 *
 * Pure data: no imports, no randomness, no clock. Every account key is a key in
 * demo-data.ts, every region code a key of src/modules/regions/gbt2260.json.
 * Media urls are relative paths served by the app, never external.
 */

export interface DemoCategory {
  key: string;
  name: string;
  parentKey: string | null;
}

export interface DemoVariant {
  sku: string;
  name: string;
  unit: string;
  minOrderQuantity: number;
  orderIncrement: number;
  /** Decimal CNY, e.g. '2999.00'. */
  suggestedRetailPrice: string;
}

export interface DemoProduct {
  code: string;
  name: string;
  description: string;
  categoryKey: string;
  attributes: { name: string; value: string }[];
  media: { url: string; kind: 'IMAGE' | 'DOCUMENT' | 'VIDEO'; title: string }[];
  variants: DemoVariant[];
}

export interface DemoPriceList {
  key: string;
  ownerKey: string;
  name: string;
  priority: number;
  /** ISO timestamps, e.g. '2026-01-01T00:00:00+08:00'; null = open. validTo is exclusive. */
  validFrom: string | null;
  validTo: string | null;
  /** [] = the owner's default list (for its direct buyers). */
  assignments: { tier?: 'GENERAL_AGENT' | 'DISTRIBUTOR' | 'RETAILER'; regionCode?: string; accountKey?: string }[];
  /** Price as a fraction of the sku's suggested retail price, plus quantity breaks. */
  pricing: {
    factor: number;
    breaks?: { minQuantity: number; factor: number }[];
    skus?: string[]; /* undefined = every sku the owner can offer */
  };
}

/** floor = factor × suggested retail price, for every sku. */
export interface DemoFloor {
  tier: 'GENERAL_AGENT' | 'DISTRIBUTOR' | 'RETAILER';
  factor: number;
}

export interface DemoAssortment {
  sellerKey: string;
  includeAll: boolean;
  skus?: string[];
}

export interface DemoPromotion {
  key: string;
  ownerKey: string;
  name: string;
  kind: 'PERCENT_OFF' | 'AMOUNT_OFF';
  /** '10' = 10% for PERCENT_OFF; '50.00' CNY for AMOUNT_OFF. */
  value: string;
  validFrom: string | null;
  validTo: string | null;
  stackable: boolean;
  tiers: ('GENERAL_AGENT' | 'DISTRIBUTOR' | 'RETAILER')[];
  regionCodes: string[];
  accountKeys: string[];
  skus: string[];
  categoryKeys: string[];
}

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

export const demoCategories: DemoCategory[] = [
  // top level
  { key: 'purifiers', name: '净水器 Water purifiers', parentKey: null },
  { key: 'filters', name: '滤芯 Filters', parentKey: null },
  { key: 'dispensers', name: '饮水机/管线机 Dispensers', parentKey: null },
  { key: 'whole-house', name: '全屋水处理 Whole-house water treatment', parentKey: null },
  { key: 'kitchen', name: '厨房电器 Kitchen appliances', parentKey: null },
  { key: 'accessories', name: '配件 Accessories', parentKey: null },
  // 净水器
  { key: 'purifier-ro', name: 'RO反渗透净水器 RO purifiers', parentKey: 'purifiers' },
  { key: 'purifier-nf', name: '纳滤净水器 Nanofiltration purifiers', parentKey: 'purifiers' },
  { key: 'purifier-uf', name: '超滤净水器 UF purifiers', parentKey: 'purifiers' },
  { key: 'purifier-countertop', name: '台式免安装净水器 Countertop purifiers', parentKey: 'purifiers' },
  // 滤芯
  { key: 'filter-pp', name: 'PP棉滤芯 PP cotton filters', parentKey: 'filters' },
  { key: 'filter-carbon', name: '活性炭滤芯 Carbon block filters', parentKey: 'filters' },
  { key: 'filter-membrane', name: 'RO膜/纳滤膜/超滤膜 Membranes', parentKey: 'filters' },
  { key: 'filter-post-carbon', name: '后置活性炭滤芯 Post-carbon filters', parentKey: 'filters' },
  { key: 'filter-composite', name: '复合滤芯 Composite filters', parentKey: 'filters' },
  { key: 'filter-kit', name: '年度滤芯套装 Annual filter kits', parentKey: 'filters' },
  { key: 'filter-whole-house', name: '全屋滤料/滤网 Whole-house media', parentKey: 'filters' },
  // 饮水机/管线机
  { key: 'dispenser-pipeline', name: '管线机 Pipeline dispensers', parentKey: 'dispensers' },
  { key: 'dispenser-instant', name: '即热饮水机/茶吧机 Instant-hot dispensers', parentKey: 'dispensers' },
  { key: 'dispenser-bottled', name: '桶装水饮水机 Bottled-water dispensers', parentKey: 'dispensers' },
  { key: 'dispenser-commercial', name: '商用开水器 Commercial water boilers', parentKey: 'dispensers' },
  // 全屋水处理
  { key: 'whole-house-prefilter', name: '前置过滤器 Pre-filters', parentKey: 'whole-house' },
  { key: 'whole-house-softener', name: '软水机 Water softeners', parentKey: 'whole-house' },
  { key: 'whole-house-central', name: '中央净水机 Central purifiers', parentKey: 'whole-house' },
  // 厨房电器
  { key: 'kitchen-water-heater', name: '热水器 Water heaters', parentKey: 'kitchen' },
  { key: 'kitchen-dishwasher', name: '洗碗机 Dishwashers', parentKey: 'kitchen' },
  { key: 'kitchen-undersink-heater', name: '厨宝 Under-sink water heaters', parentKey: 'kitchen' },
  // 配件
  { key: 'accessory-faucet', name: '净水龙头 Faucets', parentKey: 'accessories' },
  { key: 'accessory-fittings', name: '管件与安装配件 Fittings & installation parts', parentKey: 'accessories' },
  { key: 'accessory-consumables', name: '耗材 Consumables', parentKey: 'accessories' },
  { key: 'accessory-testing', name: '水质检测 Water testing', parentKey: 'accessories' },
];

// ---------------------------------------------------------------------------
// Product generator helpers
// ---------------------------------------------------------------------------

type Unit = '台' | '支' | '箱' | '套';

interface VariantSpec {
  suffix: string;
  name: string;
  unit: Unit;
  price: number;
  moq?: number;
  inc?: number;
}

interface ProductSpec {
  /** Model code, e.g. 'QY-RO-600G'; product code is 'P-' + model without 'QY-'. */
  model: string;
  category: string;
  zh: string;
  en: string;
  featureZh: string;
  featureEn: string;
  attrs: [string, string][];
  variants: VariantSpec[];
  doc?: boolean;
  video?: boolean;
}

function money(amount: number): string {
  return amount.toFixed(2);
}

function codeOf(model: string): string {
  return `P-${model.replace(/^QY-/, '')}`;
}

function product(s: ProductSpec): DemoProduct {
  const code = codeOf(s.model);
  const name = `${s.zh} ${s.en}`;
  const media: DemoProduct['media'] = [
    { url: `/assets/products/${code}.svg`, kind: 'IMAGE', title: `${s.zh} 产品图 Product image` },
  ];
  if (s.doc)
    media.push({ url: `/assets/docs/${code}-spec.pdf`, kind: 'DOCUMENT', title: `${s.model} 技术规格书 Spec sheet` });
  if (s.video)
    media.push({
      url: `/assets/videos/${code}-install.mp4`,
      kind: 'VIDEO',
      title: `${s.model} 安装视频 Installation video`,
    });
  return {
    code,
    name,
    description: `${s.zh}（型号 ${s.model}）：${s.featureZh}。${s.en} (model ${s.model}): ${s.featureEn}.`,
    categoryKey: s.category,
    attributes: s.attrs.map(([n, v]) => ({ name: n, value: v })),
    media,
    variants: s.variants.map((v) => ({
      sku: `${s.model}-${v.suffix}`,
      name: v.name,
      unit: v.unit,
      minOrderQuantity: v.moq ?? 1,
      orderIncrement: v.inc ?? 1,
      suggestedRetailPrice: money(v.price),
    })),
  };
}

const COLOURS = {
  WH: '白色 White',
  GR: '星空灰 Space Grey',
  BK: '曜石黑 Obsidian Black',
  SS: '不锈钢 Stainless steel',
  GD: '香槟金 Champagne Gold',
  CR: '镀铬 Chrome',
  GM: '枪灰 Gunmetal',
} as const;
type Colour = keyof typeof COLOURS;

/** Colour variants sold per unit (台 by default); a [colour, extra] pair costs `extra` more. */
function colours(price: number, list: (Colour | [Colour, number])[], unit: Unit = '台'): VariantSpec[] {
  return list.map((c) => {
    const [code, extra] = typeof c === 'string' ? [c, 0] : c;
    return { suffix: code, name: COLOURS[code], unit, price: price + extra };
  });
}

/** A single cartridge (sold by the carton: moq/inc) plus an optional 3-pack (套, 10% off). */
function cartridge(price: number, carton: number, threePack: boolean): VariantSpec[] {
  const out: VariantSpec[] = [{ suffix: '1', name: '单支装 Single', unit: '支', price, moq: carton, inc: carton }];
  if (threePack) {
    out.push({
      suffix: '3',
      name: '三支装 3-pack',
      unit: '套',
      price: Math.round(price * 3 * 0.9),
      moq: Math.max(1, carton / 3),
      inc: Math.max(1, carton / 3),
    });
  }
  return out;
}

const A = {
  flow: '通量 Flow',
  grade: '过滤级别 Filtration',
  ratio: '纯废水比 Pure/waste ratio',
  power: '额定功率 Rated power',
  tank: '水箱容量 Tank',
  temp: '出水温度 Water temperature',
  life: '建议更换周期 Replacement cycle',
  compat: '适用机型 Compatible with',
  size: '规格 Size',
  material: '材质 Material',
  capacity: '处理水量 Capacity',
  volume: '容量 Volume',
  energy: '能效等级 Energy class',
  settings: '洗涤套数 Place settings',
  gas: '燃气类型 Gas type',
  pressure: '工作压力 Working pressure',
  contents: '包含 Contents',
} as const;

const products: DemoProduct[] = [];
const add = (s: ProductSpec): void => {
  products.push(product(s));
};

// ---------------------------------------------------------------------------
// 净水器 Water purifiers
// ---------------------------------------------------------------------------

interface RoFamily {
  model: (flow: number) => string;
  zh: string;
  en: string;
  ratio: string;
  power: (flow: number) => string;
  featureZh: string;
  featureEn: string;
  flows: [number, number][];
  colours: (Colour | [Colour, number])[];
  videoFlow?: number;
}

const roPower = (flow: number): string => `${Math.round(flow * 0.06 + 12)}W`;

const RO_FAMILIES: RoFamily[] = [
  {
    model: (f) => `QY-RO-${f}G-Y`,
    zh: '清源Y系列青春版',
    en: 'Qingyuan Y-Series Lite',
    ratio: '1:1',
    power: roPower,
    featureZh: '入门级厨下RO净水器，PPC复合滤芯+RO膜两级过滤，适合租房与小户型',
    featureEn:
      'entry-level under-sink RO purifier with a PPC composite cartridge and RO membrane, for small homes and rentals',
    flows: [
      [400, 1299],
      [600, 1699],
    ],
    colours: ['WH'],
  },
  {
    model: (f) => `QY-RO-${f}G`,
    zh: '清源Q系列',
    en: 'Qingyuan Q-Series',
    ratio: '2:1',
    power: roPower,
    featureZh: '经典四级过滤厨下RO净水器（PP棉+活性炭+RO膜+后置活性炭），无罐直饮',
    featureEn: 'classic four-stage tankless under-sink RO purifier (PP, carbon block, RO membrane, post-carbon)',
    flows: [
      [400, 1599],
      [500, 1899],
      [600, 2299],
      [800, 2799],
      [1000, 3199],
    ],
    colours: ['WH', 'GR'],
  },
  {
    model: (f) => `QY-RO-${f}G-PRO`,
    zh: '清源PRO智能款',
    en: 'Qingyuan PRO Smart',
    ratio: '3:1',
    power: roPower,
    featureZh: '智能龙头实时显示TDS与滤芯寿命，APP远程提醒更换，三年长效RO膜',
    featureEn: 'smart faucet shows TDS and filter life, app reminders, three-year long-life RO membrane',
    flows: [
      [600, 2999],
      [800, 3499],
      [1000, 3999],
      [1200, 4599],
    ],
    colours: ['WH', 'GR', ['BK', 100]],
    videoFlow: 800,
  },
  {
    model: (f) => `QY-RO-${f}G-MAX`,
    zh: '清源MAX双出水矿化款',
    en: 'Qingyuan MAX Dual-outlet Mineral',
    ratio: '3:1',
    power: roPower,
    featureZh: '纯水与矿化水双出水，后置矿化滤芯补充钙镁，大通量满足全家烹饪饮用',
    featureEn:
      'dual outlets for pure and mineralised water, mineral post-filter, high flow for family cooking and drinking',
    flows: [
      [800, 3999],
      [1000, 4599],
      [1200, 5299],
      [1600, 6299],
    ],
    colours: ['GR', ['BK', 100]],
    videoFlow: 1000,
  },
  {
    model: (f) => `QY-RO-${f}G-SLIM`,
    zh: '清源SLIM超薄款',
    en: 'Qingyuan SLIM',
    ratio: '2:1',
    power: roPower,
    featureZh: '机身厚度仅11cm，适配小橱柜与洗碗机同柜安装',
    featureEn: 'only 11 cm deep, fits small cabinets and shares the cabinet with a dishwasher',
    flows: [
      [400, 1999],
      [600, 2599],
      [800, 3099],
    ],
    colours: ['WH'],
  },
  {
    model: (f) => `QY-ROH-${f}G`,
    zh: '清源净热一体',
    en: 'Qingyuan Purify & Heat',
    ratio: '2:1',
    power: () => '2100W',
    featureZh: 'RO净水与即热一体，3秒出热水，6档水温可调，搭配管线机更省空间',
    featureEn: 'RO purifier with built-in instant heating, hot water in 3 seconds, six temperature settings',
    flows: [
      [600, 3999],
      [800, 4599],
      [1000, 5299],
    ],
    colours: ['WH', 'BK'],
  },
  {
    model: (f) => `QY-ROC-${f}G`,
    zh: '清源商用',
    en: 'Qingyuan Commercial',
    ratio: '1:1',
    power: (f) => `${Math.round(f * 0.05 + 20)}W`,
    featureZh: '商用大通量RO净水机，适用于办公室、学校、餐厅与茶饮店',
    featureEn: 'high-throughput commercial RO system for offices, schools, restaurants and tea shops',
    flows: [
      [1600, 6999],
      [2000, 7999],
      [3000, 8999],
    ],
    colours: ['SS'],
  },
];

for (const fam of RO_FAMILIES) {
  for (const [flow, price] of fam.flows) {
    add({
      model: fam.model(flow),
      category: 'purifier-ro',
      zh: `${fam.zh} ${flow}G RO反渗透净水器`,
      en: `${fam.en} ${flow}G RO Water Purifier`,
      featureZh: fam.featureZh,
      featureEn: fam.featureEn,
      attrs: [
        [A.flow, `${flow}G`],
        [A.grade, '0.0001μm'],
        [A.ratio, fam.ratio],
        [A.power, fam.power(flow)],
      ],
      variants: colours(price, fam.colours),
      doc: true,
      video: fam.videoFlow === flow,
    });
  }
}

const NF_FAMILIES: { suffix: string; zh: string; en: string; flows: [number, number][]; colours: Colour[] }[] = [
  {
    suffix: '',
    zh: '清源纳滤',
    en: 'Qingyuan NF',
    flows: [
      [400, 1799],
      [600, 2199],
      [800, 2599],
      [1000, 2999],
    ],
    colours: ['WH', 'GR'],
  },
  {
    suffix: '-PRO',
    zh: '清源纳滤PRO',
    en: 'Qingyuan NF PRO',
    flows: [
      [600, 2999],
      [800, 3499],
      [1000, 3999],
    ],
    colours: ['WH', 'BK'],
  },
];
for (const fam of NF_FAMILIES) {
  for (const [flow, price] of fam.flows) {
    add({
      model: `QY-NF-${flow}G${fam.suffix}`,
      category: 'purifier-nf',
      zh: `${fam.zh} ${flow}G 纳滤净水器`,
      en: `${fam.en} ${flow}G Nanofiltration Purifier`,
      featureZh: '纳滤膜去除重金属与水垢同时保留部分钙镁矿物质，废水更少',
      featureEn:
        'nanofiltration removes heavy metals and scale while keeping some calcium and magnesium, with less waste water',
      attrs: [
        [A.flow, `${flow}G`],
        [A.grade, '0.001μm'],
        [A.ratio, '4:1'],
        [A.power, roPower(flow)],
      ],
      variants: colours(price, fam.colours),
      doc: true,
    });
  }
}

const UF_FAMILIES: {
  suffix: string;
  zh: string;
  en: string;
  material: string;
  flows: [number, number][];
  colours: Colour[];
}[] = [
  {
    suffix: '',
    zh: '清源超滤',
    en: 'Qingyuan UF',
    material: 'ABS食品级 Food-grade ABS',
    flows: [
      [1000, 999],
      [1500, 1199],
      [2000, 1399],
      [3000, 1699],
    ],
    colours: ['WH'],
  },
  {
    suffix: '-SS',
    zh: '清源不锈钢超滤',
    en: 'Qingyuan Stainless UF',
    material: '304不锈钢 304 stainless',
    flows: [
      [1500, 1499],
      [2000, 1799],
      [3000, 2199],
    ],
    colours: ['SS'],
  },
];
for (const fam of UF_FAMILIES) {
  for (const [flow, price] of fam.flows) {
    add({
      model: `QY-UF-${flow}L${fam.suffix}`,
      category: 'purifier-uf',
      zh: `${fam.zh} ${flow}L 超滤净水器`,
      en: `${fam.en} ${flow}L Ultrafiltration Purifier`,
      featureZh: '无需用电、无废水，中空纤维超滤膜保留矿物质，适合水质较好的城市自来水',
      featureEn:
        'no electricity and no waste water; hollow-fibre UF membrane keeps minerals, suited to good municipal water',
      attrs: [
        [A.flow, `${flow}L/h`],
        [A.grade, '0.01μm'],
        [A.material, fam.material],
        [A.power, '无需用电 None'],
      ],
      variants: colours(price, fam.colours),
      doc: true,
    });
  }
}

const COUNTERTOP: {
  model: string;
  zh: string;
  en: string;
  tank: string;
  temp: string;
  power: string;
  price: number;
  colours: Colour[];
}[] = [
  {
    model: 'QY-TD-4L',
    zh: '清源台式免安装RO净水器 4L',
    en: 'Qingyuan Countertop RO Purifier 4L',
    tank: '4L',
    temp: '常温 Ambient',
    power: '60W',
    price: 1299,
    colours: ['WH'],
  },
  {
    model: 'QY-TD-5L',
    zh: '清源台式免安装RO净水器 5L',
    en: 'Qingyuan Countertop RO Purifier 5L',
    tank: '5L',
    temp: '常温 Ambient',
    power: '60W',
    price: 1599,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-TDH-3L',
    zh: '清源台式净热一体机 3L',
    en: 'Qingyuan Countertop Purify & Heat 3L',
    tank: '3L',
    temp: '25–100°C',
    power: '2200W',
    price: 1999,
    colours: ['WH'],
  },
  {
    model: 'QY-TDH-4L',
    zh: '清源台式净热一体机 4L',
    en: 'Qingyuan Countertop Purify & Heat 4L',
    tank: '4L',
    temp: '25–100°C',
    power: '2200W',
    price: 2499,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-TDH-5L',
    zh: '清源台式净热一体机 5L',
    en: 'Qingyuan Countertop Purify & Heat 5L',
    tank: '5L',
    temp: '25–100°C',
    power: '2200W',
    price: 2999,
    colours: ['WH', 'GR', 'GD'],
  },
  {
    model: 'QY-TDI-4L',
    zh: '清源台式冰热净饮机 4L',
    en: 'Qingyuan Countertop Cold & Hot Purifier 4L',
    tank: '4L',
    temp: '5–100°C',
    power: '2300W',
    price: 3999,
    colours: ['WH', 'BK'],
  },
  {
    model: 'QY-TDI-5L',
    zh: '清源台式冰热净饮机 5L',
    en: 'Qingyuan Countertop Cold & Hot Purifier 5L',
    tank: '5L',
    temp: '5–100°C',
    power: '2300W',
    price: 4599,
    colours: ['WH', 'BK'],
  },
];
for (const c of COUNTERTOP) {
  add({
    model: c.model,
    category: 'purifier-countertop',
    zh: c.zh,
    en: c.en,
    featureZh: '免安装、即插即用，RO反渗透过滤，适合租房与办公桌面',
    featureEn: 'no installation, plug and play RO filtration for rentals and office desks',
    attrs: [
      [A.tank, c.tank],
      [A.temp, c.temp],
      [A.grade, '0.0001μm'],
      [A.power, c.power],
    ],
    variants: colours(c.price, c.colours),
    doc: true,
  });
}

// ---------------------------------------------------------------------------
// 滤芯 Filters
// ---------------------------------------------------------------------------

/** Series-specific cartridges: [series code, compatible models text]. */
const SERIES_COMPAT: Record<string, string> = {
  Y: 'QY-RO-*G-Y',
  Q: 'QY-RO-*G (Q系列)',
  PRO: 'QY-RO-*G-PRO',
  MAX: 'QY-RO-*G-MAX',
  SLIM: 'QY-RO-*G-SLIM',
  H: 'QY-ROH-*G',
  C: 'QY-ROC-*G',
  NF: 'QY-NF-*G',
  NFPRO: 'QY-NF-*G-PRO',
  UF: 'QY-UF-*L',
};

const PP_SERIES: [string, number][] = [
  ['Q', 49],
  ['SLIM', 49],
  ['H', 59],
  ['C', 79],
  ['NF', 49],
  ['UF', 39],
];
for (const [series, price] of PP_SERIES) {
  add({
    model: `QY-PP-${series}`,
    category: 'filter-pp',
    zh: `清源 ${series}系列 PP棉滤芯`,
    en: `Qingyuan ${series}-Series PP Cotton Filter`,
    featureZh: '熔喷PP棉拦截泥沙、铁锈与悬浮物，保护后级滤芯',
    featureEn: 'melt-blown PP cotton traps sand, rust and sediment to protect later stages',
    attrs: [
      [A.grade, '5μm'],
      [A.life, '6个月 6 months'],
      [A.compat, SERIES_COMPAT[series]],
    ],
    variants: cartridge(price, 12, true),
  });
}
const PP_GENERIC: [string, string, string, string, number][] = [
  ['10-5', '10寸', '10"', '5μm', 39],
  ['10-1', '10寸', '10"', '1μm', 45],
  ['20-5', '20寸', '20"', '5μm', 59],
  ['20-1', '20寸', '20"', '1μm', 69],
  ['BB10-5', '10寸大胖', '10" Big Blue', '5μm', 69],
  ['BB10-20', '10寸大胖', '10" Big Blue', '20μm', 65],
];
for (const [code, sizeZh, sizeEn, micron, price] of PP_GENERIC) {
  add({
    model: `QY-PP-${code}`,
    category: 'filter-pp',
    zh: `清源 ${sizeZh} ${micron} 通用PP棉滤芯`,
    en: `Qingyuan ${sizeEn} ${micron} Universal PP Filter`,
    featureZh: '标准尺寸通用PP棉滤芯，适配常见前置过滤瓶与商用设备',
    featureEn: 'standard-size universal PP cartridge for common housings and commercial systems',
    attrs: [
      [A.size, sizeZh + ' ' + sizeEn],
      [A.grade, micron],
      [A.life, '3–6个月 3–6 months'],
    ],
    variants: cartridge(price, 12, true),
  });
}

const CTO_SERIES: [string, number][] = [
  ['Q', 79],
  ['SLIM', 79],
  ['H', 89],
  ['C', 129],
  ['NF', 79],
];
for (const [series, price] of CTO_SERIES) {
  add({
    model: `QY-CTO-${series}`,
    category: 'filter-carbon',
    zh: `清源 ${series}系列 CTO活性炭滤芯`,
    en: `Qingyuan ${series}-Series CTO Carbon Block Filter`,
    featureZh: '椰壳烧结活性炭吸附余氯、异味与有机物，延长RO膜寿命',
    featureEn: 'sintered coconut-shell carbon block removes chlorine, odour and organics, extending membrane life',
    attrs: [
      [A.grade, '10μm'],
      [A.life, '12个月 12 months'],
      [A.compat, SERIES_COMPAT[series]],
    ],
    variants: cartridge(price, 6, true),
  });
}
const CTO_GENERIC: [string, string, string, number][] = [
  ['CTO-10', '10寸 CTO烧结活性炭', '10" CTO Carbon Block', 59],
  ['CTO-20', '20寸 CTO烧结活性炭', '20" CTO Carbon Block', 89],
  ['UDF-10', '10寸 UDF颗粒活性炭', '10" UDF Granular Carbon', 59],
  ['UDF-20', '20寸 UDF颗粒活性炭', '20" UDF Granular Carbon', 85],
  ['CTO-BB10', '10寸大胖 CTO活性炭', '10" Big Blue CTO Carbon Block', 119],
];
for (const [code, zh, en, price] of CTO_GENERIC) {
  add({
    model: `QY-${code}`,
    category: 'filter-carbon',
    zh: `清源 ${zh}滤芯`,
    en: `Qingyuan ${en} Filter`,
    featureZh: '标准尺寸通用活性炭滤芯，改善口感、去除余氯',
    featureEn: 'standard-size universal carbon cartridge that improves taste and removes chlorine',
    attrs: [
      [A.size, zh.split(' ')[0]],
      [A.life, '6–12个月 6–12 months'],
      [A.material, '椰壳活性炭 Coconut-shell carbon'],
    ],
    variants: cartridge(price, 6, true),
  });
}

const MEMBRANES: {
  model: string;
  zh: string;
  en: string;
  flow: string;
  grade: string;
  life: string;
  price: number;
  compat: string;
}[] = [
  ...(
    [
      [400, 199],
      [500, 229],
      [600, 259],
      [800, 299],
      [1000, 339],
      [1200, 369],
      [1600, 389],
      [2000, 399],
    ] as [number, number][]
  ).map(([f, price]) => ({
    model: `QY-M-${f}G`,
    zh: `清源 ${f}G RO反渗透膜滤芯`,
    en: `Qingyuan ${f}G RO Membrane`,
    flow: `${f}G`,
    grade: '0.0001μm',
    life: '24–36个月 24–36 months',
    price,
    compat: `${f}G RO机型 ${f}G RO models`,
  })),
  ...(
    [
      [400, 229],
      [600, 269],
      [800, 309],
      [1000, 349],
    ] as [number, number][]
  ).map(([f, price]) => ({
    model: `QY-NFM-${f}G`,
    zh: `清源 ${f}G 纳滤膜滤芯`,
    en: `Qingyuan ${f}G NF Membrane`,
    flow: `${f}G`,
    grade: '0.001μm',
    life: '24个月 24 months',
    price,
    compat: `QY-NF-${f}G*`,
  })),
  ...(
    [
      [1000, 129],
      [1500, 159],
      [2000, 189],
      [3000, 229],
    ] as [number, number][]
  ).map(([f, price]) => ({
    model: `QY-UFM-${f}L`,
    zh: `清源 ${f}L 超滤膜滤芯`,
    en: `Qingyuan ${f}L UF Membrane`,
    flow: `${f}L/h`,
    grade: '0.01μm',
    life: '12–24个月 12–24 months',
    price,
    compat: `QY-UF-${f}L*`,
  })),
];
for (const m of MEMBRANES) {
  add({
    model: m.model,
    category: 'filter-membrane',
    zh: m.zh,
    en: m.en,
    featureZh: '原厂膜元件，出厂逐支检测脱盐率/截留率，保障出水品质',
    featureEn: 'genuine membrane element, every unit tested for rejection rate before shipping',
    attrs: [
      [A.flow, m.flow],
      [A.grade, m.grade],
      [A.life, m.life],
      [A.compat, m.compat],
    ],
    variants: cartridge(m.price, 1, false),
  });
}

const POST_SERIES: [string, string, string, number][] = [
  ['Y', '后置活性炭', 'Post-carbon', 49],
  ['Q', '后置活性炭', 'Post-carbon', 59],
  ['PRO', '后置银离子抑菌活性炭', 'Silver-ion Post-carbon', 79],
  ['MAX', '后置矿化活性炭', 'Mineral Post-carbon', 99],
  ['SLIM', '后置活性炭', 'Post-carbon', 59],
  ['H', '后置活性炭', 'Post-carbon', 69],
  ['C', '后置活性炭', 'Post-carbon', 89],
  ['NF', '后置活性炭', 'Post-carbon', 59],
  ['NFPRO', '后置矿化活性炭', 'Mineral Post-carbon', 89],
  ['UF', '后置活性炭', 'Post-carbon', 49],
];
for (const [series, zh, en, price] of POST_SERIES) {
  add({
    model: `QY-T33-${series}`,
    category: 'filter-post-carbon',
    zh: `清源 ${series}系列 ${zh}滤芯`,
    en: `Qingyuan ${series}-Series ${en} Filter`,
    featureZh: '末端精滤改善口感，去除管路与储水异味',
    featureEn: 'final polishing stage that improves taste and removes pipe and storage odours',
    attrs: [
      [A.life, '12个月 12 months'],
      [A.compat, SERIES_COMPAT[series]],
      [A.material, '椰壳活性炭 Coconut-shell carbon'],
    ],
    variants: cartridge(price, 6, true),
  });
}
add({
  model: 'QY-T33-10',
  category: 'filter-post-carbon',
  zh: '清源 T33 通用后置活性炭滤芯',
  en: 'Qingyuan T33 Universal Post-carbon Filter',
  featureZh: '快接T33标准接口，适配大多数RO净水器',
  featureEn: 'quick-connect T33 standard fitting, fits most RO purifiers',
  attrs: [
    [A.size, 'T33 10寸 10"'],
    [A.life, '12个月 12 months'],
  ],
  variants: cartridge(39, 12, true),
});
add({
  model: 'QY-KH-10',
  category: 'filter-post-carbon',
  zh: '清源 通用矿化球后置滤芯',
  en: 'Qingyuan Universal Mineral-ball Post Filter',
  featureZh: '麦饭石矿化球释放微量矿物质，提升pH值',
  featureEn: 'maifan-stone mineral balls add trace minerals and raise pH',
  attrs: [
    [A.size, 'T33 10寸 10"'],
    [A.life, '6–12个月 6–12 months'],
    [A.material, '麦饭石/电气石 Mineral stones'],
  ],
  variants: cartridge(59, 6, true),
});

const COMPOSITE: { model: string; zh: string; en: string; compat: string; life: string; price: number }[] = [
  {
    model: 'QY-PPC-Y',
    zh: '清源 Y系列 PPC复合滤芯',
    en: 'Qingyuan Y-Series PPC Composite Filter',
    compat: SERIES_COMPAT.Y,
    life: '12个月 12 months',
    price: 129,
  },
  {
    model: 'QY-PPC-PRO',
    zh: '清源 PRO系列 PPC复合滤芯',
    en: 'Qingyuan PRO-Series PPC Composite Filter',
    compat: SERIES_COMPAT.PRO,
    life: '12个月 12 months',
    price: 169,
  },
  {
    model: 'QY-PPC-MAX',
    zh: '清源 MAX系列 PPC复合滤芯',
    en: 'Qingyuan MAX-Series PPC Composite Filter',
    compat: SERIES_COMPAT.MAX,
    life: '12个月 12 months',
    price: 199,
  },
  {
    model: 'QY-PPC-NFPRO',
    zh: '清源 纳滤PRO系列 PPC复合滤芯',
    en: 'Qingyuan NF PRO PPC Composite Filter',
    compat: SERIES_COMPAT.NFPRO,
    life: '12个月 12 months',
    price: 169,
  },
  {
    model: 'QY-TDF-TD',
    zh: '清源 台式机 三合一复合滤芯',
    en: 'Qingyuan Countertop 3-in-1 Composite Filter',
    compat: 'QY-TD-*',
    life: '6个月 6 months',
    price: 159,
  },
  {
    model: 'QY-TDF-TDH',
    zh: '清源 台式净热机 复合滤芯',
    en: 'Qingyuan Countertop Purify & Heat Composite Filter',
    compat: 'QY-TDH-*',
    life: '6个月 6 months',
    price: 179,
  },
  {
    model: 'QY-TDF-TDI',
    zh: '清源 台式冰热机 复合滤芯',
    en: 'Qingyuan Countertop Cold & Hot Composite Filter',
    compat: 'QY-TDI-*',
    life: '6个月 6 months',
    price: 199,
  },
  {
    model: 'QY-CF-JR',
    zh: '清源 即热饮水机 复合滤芯',
    en: 'Qingyuan Instant-hot Dispenser Composite Filter',
    compat: 'QY-JR-*',
    life: '6个月 6 months',
    price: 99,
  },
  {
    model: 'QY-CF-CBJ',
    zh: '清源 茶吧机 复合滤芯',
    en: 'Qingyuan Tea-bar Dispenser Composite Filter',
    compat: 'QY-CBJ-*',
    life: '6个月 6 months',
    price: 89,
  },
];
for (const c of COMPOSITE) {
  add({
    model: c.model,
    category: 'filter-composite',
    zh: c.zh,
    en: c.en,
    featureZh: 'PP棉、活性炭等多级滤材集成一体，旋转快换，无需工具',
    featureEn: 'several filter stages integrated in one cartridge, twist-and-lock replacement without tools',
    attrs: [
      [A.life, c.life],
      [A.compat, c.compat],
      [A.grade, '1μm'],
    ],
    variants: cartridge(c.price, 2, false),
  });
}

const KITS: { series: string; contentsZh: string; contentsEn: string; price: number }[] = [
  { series: 'Y', contentsZh: 'PPC复合+后置活性炭', contentsEn: 'PPC composite + post-carbon', price: 169 },
  { series: 'Q', contentsZh: 'PP棉+CTO活性炭+后置活性炭', contentsEn: 'PP + CTO carbon + post-carbon', price: 179 },
  { series: 'PRO', contentsZh: 'PPC复合+银离子后置', contentsEn: 'PPC composite + silver-ion post-carbon', price: 229 },
  { series: 'MAX', contentsZh: 'PPC复合+矿化后置', contentsEn: 'PPC composite + mineral post-carbon', price: 279 },
  { series: 'SLIM', contentsZh: 'PP棉+CTO活性炭+后置活性炭', contentsEn: 'PP + CTO carbon + post-carbon', price: 179 },
  { series: 'H', contentsZh: 'PP棉+CTO活性炭+后置活性炭', contentsEn: 'PP + CTO carbon + post-carbon', price: 199 },
  { series: 'NF', contentsZh: 'PP棉+CTO活性炭+后置活性炭', contentsEn: 'PP + CTO carbon + post-carbon', price: 179 },
];
for (const k of KITS) {
  add({
    model: `QY-KIT-${k.series}`,
    category: 'filter-kit',
    zh: `清源 ${k.series}系列 年度滤芯套装`,
    en: `Qingyuan ${k.series}-Series Annual Filter Kit`,
    featureZh: `一年一换的前置与后置滤芯组合（${k.contentsZh}），RO膜另购`,
    featureEn: `the yearly set of pre- and post-filters (${k.contentsEn}); membrane sold separately`,
    attrs: [
      [A.contents, `${k.contentsZh} ${k.contentsEn}`],
      [A.compat, SERIES_COMPAT[k.series]],
      [A.life, '12个月 12 months'],
    ],
    variants: [
      { suffix: '1', name: '单套 Single kit', unit: '套', price: k.price },
      { suffix: 'C6', name: '整箱6套 Carton of 6 kits', unit: '箱', price: k.price * 6 - 60 },
    ],
  });
}

const WH_MEDIA: { model: string; zh: string; en: string; attrs: [string, string][]; unit: Unit; price: number }[] = [
  {
    model: 'QY-QZW-40',
    zh: '清源 前置过滤器替换滤网 40μm',
    en: 'Qingyuan Pre-filter Replacement Screen 40μm',
    attrs: [
      [A.grade, '40μm'],
      [A.material, '316不锈钢 316 stainless'],
      [A.compat, 'QY-QZ-*'],
    ],
    unit: '支',
    price: 129,
  },
  {
    model: 'QY-QZW-100',
    zh: '清源 前置过滤器替换滤网 100μm',
    en: 'Qingyuan Pre-filter Replacement Screen 100μm',
    attrs: [
      [A.grade, '100μm'],
      [A.material, '316不锈钢 316 stainless'],
      [A.compat, 'QY-QZ-*'],
    ],
    unit: '支',
    price: 99,
  },
  {
    model: 'QY-ZYL-AC25',
    zh: '清源 中央净水机 活性炭滤料 25L',
    en: 'Qingyuan Central Purifier Activated Carbon Media 25L',
    attrs: [
      [A.volume, '25L'],
      [A.compat, 'QY-ZY-*'],
      [A.life, '24–36个月 24–36 months'],
    ],
    unit: '箱',
    price: 299,
  },
  {
    model: 'QY-SZ-25L',
    zh: '清源 软水机 食品级离子交换树脂 25L',
    en: 'Qingyuan Softener Food-grade Resin 25L',
    attrs: [
      [A.volume, '25L'],
      [A.compat, 'QY-RS-*'],
      [A.life, '5–8年 5–8 years'],
    ],
    unit: '箱',
    price: 359,
  },
  {
    model: 'QY-ZYL-KDF10',
    zh: '清源 中央净水机 KDF滤料 10L',
    en: 'Qingyuan Central Purifier KDF Media 10L',
    attrs: [
      [A.volume, '10L'],
      [A.compat, 'QY-ZY-*-PRO'],
    ],
    unit: '箱',
    price: 399,
  },
];
for (const m of WH_MEDIA) {
  add({
    model: m.model,
    category: 'filter-whole-house',
    zh: m.zh,
    en: m.en,
    featureZh: '全屋水处理设备原厂耗材，建议由服务商上门更换',
    featureEn: 'genuine consumable for whole-house systems, best replaced by the service partner on site',
    attrs: m.attrs,
    variants: [{ suffix: '1', name: m.unit === '箱' ? '整箱 Box' : '单支 Single', unit: m.unit, price: m.price }],
  });
}

// ---------------------------------------------------------------------------
// 饮水机/管线机 Dispensers
// ---------------------------------------------------------------------------

const PIPELINE: {
  model: string;
  zh: string;
  en: string;
  temp: string;
  power: string;
  price: number;
  colours: Colour[];
}[] = [
  {
    model: 'QY-GX-100',
    zh: '清源 壁挂式即热管线机 单温款',
    en: 'Qingyuan Wall-mounted Instant-hot Pipeline Dispenser Basic',
    temp: '95°C',
    power: '2100W',
    price: 599,
    colours: ['WH'],
  },
  {
    model: 'QY-GX-200',
    zh: '清源 壁挂式即热管线机 六档调温',
    en: 'Qingyuan Wall-mounted Pipeline Dispenser 6-temperature',
    temp: '45–100°C',
    power: '2100W',
    price: 899,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-GX-300',
    zh: '清源 壁挂式冰热管线机',
    en: 'Qingyuan Wall-mounted Cold & Hot Pipeline Dispenser',
    temp: '5–100°C',
    power: '2200W',
    price: 1599,
    colours: ['WH', 'BK'],
  },
  {
    model: 'QY-GX-500',
    zh: '清源 智能触屏管线机 UV杀菌',
    en: 'Qingyuan Smart Touch Pipeline Dispenser with UV',
    temp: '40–100°C',
    power: '2200W',
    price: 1299,
    colours: ['WH', 'GR', 'BK'],
  },
  {
    model: 'QY-GX-600',
    zh: '清源 超薄壁挂管线机',
    en: 'Qingyuan Slim Wall-mounted Pipeline Dispenser',
    temp: '45–100°C',
    power: '2100W',
    price: 999,
    colours: ['WH'],
  },
  {
    model: 'QY-GXL-300',
    zh: '清源 立式温热管线机',
    en: 'Qingyuan Floor-standing Pipeline Dispenser',
    temp: '45–100°C',
    power: '2000W',
    price: 1599,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-GXL-500',
    zh: '清源 立式冰热管线机',
    en: 'Qingyuan Floor-standing Cold & Hot Pipeline Dispenser',
    temp: '5–100°C',
    power: '2300W',
    price: 1999,
    colours: ['WH', 'BK'],
  },
];
for (const p of PIPELINE) {
  add({
    model: p.model,
    category: 'dispenser-pipeline',
    zh: p.zh,
    en: p.en,
    featureZh: '与厨下净水器管线连接，即开即热，告别千滚水',
    featureEn: 'connects to the under-sink purifier line and heats on demand, no re-boiled water',
    attrs: [
      [A.temp, p.temp],
      [A.power, p.power],
      [A.energy, '一级 Grade 1'],
    ],
    variants: colours(p.price, p.colours),
    doc: true,
  });
}

const INSTANT: { model: string; zh: string; en: string; tank: string; price: number; colours: Colour[] }[] = [
  {
    model: 'QY-JR-3L',
    zh: '清源 台式即热饮水机 3L',
    en: 'Qingyuan Desktop Instant-hot Dispenser 3L',
    tank: '3L',
    price: 699,
    colours: ['WH'],
  },
  {
    model: 'QY-JR-4L',
    zh: '清源 台式即热饮水机 4L',
    en: 'Qingyuan Desktop Instant-hot Dispenser 4L',
    tank: '4L',
    price: 899,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-JR-5L',
    zh: '清源 台式即热饮水机 5L',
    en: 'Qingyuan Desktop Instant-hot Dispenser 5L',
    tank: '5L',
    price: 1199,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-CBJ-100',
    zh: '清源 茶吧机 温热款',
    en: 'Qingyuan Tea-bar Dispenser Warm & Hot',
    tank: '下置桶 Bottom-load',
    price: 999,
    colours: ['BK'],
  },
  {
    model: 'QY-CBJ-200',
    zh: '清源 茶吧机 遥控款',
    en: 'Qingyuan Tea-bar Dispenser Remote Control',
    tank: '下置桶 Bottom-load',
    price: 1299,
    colours: ['BK', 'GD'],
  },
  {
    model: 'QY-CBJ-300',
    zh: '清源 茶吧机 冰热款',
    en: 'Qingyuan Tea-bar Dispenser Cold & Hot',
    tank: '下置桶 Bottom-load',
    price: 1999,
    colours: ['BK', 'GD'],
  },
  {
    model: 'QY-CBJ-500',
    zh: '清源 智能语音茶吧机',
    en: 'Qingyuan Smart Voice Tea-bar Dispenser',
    tank: '下置桶 Bottom-load',
    price: 2499,
    colours: ['BK', 'GD'],
  },
];
for (const p of INSTANT) {
  add({
    model: p.model,
    category: 'dispenser-instant',
    zh: p.zh,
    en: p.en,
    featureZh: '3秒速热，多档水温冲泡茶饮与奶粉',
    featureEn: 'hot water in 3 seconds with several temperatures for tea and baby formula',
    attrs: [
      [A.tank, p.tank],
      [A.temp, '25–100°C'],
      [A.power, '2200W'],
    ],
    variants: colours(p.price, p.colours),
  });
}

const BOTTLED: { model: string; zh: string; en: string; temp: string; price: number; colours: Colour[] }[] = [
  {
    model: 'QY-YS-100',
    zh: '清源 立式温热饮水机',
    en: 'Qingyuan Floor-standing Warm & Hot Dispenser',
    temp: '常温/95°C Ambient/95°C',
    price: 499,
    colours: ['WH'],
  },
  {
    model: 'QY-YS-200',
    zh: '清源 立式冷热饮水机 压缩机制冷',
    en: 'Qingyuan Floor-standing Cold & Hot Dispenser (compressor)',
    temp: '5°C/95°C',
    price: 899,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-YS-300',
    zh: '清源 下置水桶饮水机',
    en: 'Qingyuan Bottom-load Dispenser',
    temp: '常温/95°C Ambient/95°C',
    price: 1299,
    colours: ['WH', 'BK'],
  },
  {
    model: 'QY-YS-500',
    zh: '清源 下置水桶智能冰热饮水机',
    en: 'Qingyuan Smart Bottom-load Cold & Hot Dispenser',
    temp: '5–95°C',
    price: 1799,
    colours: ['BK'],
  },
  {
    model: 'QY-YST-100',
    zh: '清源 台式温热饮水机',
    en: 'Qingyuan Desktop Warm & Hot Dispenser',
    temp: '常温/95°C Ambient/95°C',
    price: 399,
    colours: ['WH'],
  },
];
for (const p of BOTTLED) {
  add({
    model: p.model,
    category: 'dispenser-bottled',
    zh: p.zh,
    en: p.en,
    featureZh: '适配18.9L标准桶装水，防干烧与童锁保护',
    featureEn: 'takes standard 18.9 L bottles, with dry-boil protection and child lock',
    attrs: [
      [A.temp, p.temp],
      [A.power, '550W'],
      [A.energy, '一级 Grade 1'],
    ],
    variants: colours(p.price, p.colours),
  });
}

const BOILERS: { model: string; zh: string; en: string; volume: string; power: string; price: number }[] = [
  {
    model: 'QY-KS-30L',
    zh: '清源 商用步进式开水器 30L',
    en: 'Qingyuan Commercial Step-heating Water Boiler 30L',
    volume: '30L/h',
    power: '3000W',
    price: 2999,
  },
  {
    model: 'QY-KS-60L',
    zh: '清源 商用步进式开水器 60L',
    en: 'Qingyuan Commercial Step-heating Water Boiler 60L',
    volume: '60L/h',
    power: '6000W',
    price: 3999,
  },
  {
    model: 'QY-KS-90L',
    zh: '清源 商用步进式开水器 90L',
    en: 'Qingyuan Commercial Step-heating Water Boiler 90L',
    volume: '90L/h',
    power: '9000W',
    price: 5299,
  },
  {
    model: 'QY-KS-120L',
    zh: '清源 商用步进式开水器 120L',
    en: 'Qingyuan Commercial Step-heating Water Boiler 120L',
    volume: '120L/h',
    power: '12000W',
    price: 6499,
  },
  {
    model: 'QY-KS-60L-RO',
    zh: '清源 商用净化开水器 60L RO',
    en: 'Qingyuan Commercial RO Purifying Boiler 60L',
    volume: '60L/h',
    power: '6000W',
    price: 8999,
  },
  {
    model: 'QY-KS-90L-RO',
    zh: '清源 商用净化开水器 90L RO',
    en: 'Qingyuan Commercial RO Purifying Boiler 90L',
    volume: '90L/h',
    power: '9000W',
    price: 9999,
  },
];
for (const b of BOILERS) {
  add({
    model: b.model,
    category: 'dispenser-commercial',
    zh: b.zh,
    en: b.en,
    featureZh: '学校、工厂、写字楼茶水间用步进式开水器，开水与温开水双出水',
    featureEn: 'step-heating boiler for schools, factories and office pantries, boiling and warm outlets',
    attrs: [
      [A.capacity, b.volume],
      [A.power, b.power],
      [A.material, '304不锈钢 304 stainless'],
      [A.pressure, '380V/220V'],
    ],
    variants: [{ suffix: 'SS', name: COLOURS.SS, unit: '台', price: b.price }],
    doc: true,
  });
}

// ---------------------------------------------------------------------------
// 全屋水处理 Whole-house water treatment
// ---------------------------------------------------------------------------

const PREFILTERS: {
  model: string;
  zh: string;
  en: string;
  flow: string;
  grade: string;
  price: number;
  ports: string[];
}[] = [
  {
    model: 'QY-QZ-3T',
    zh: '清源 前置过滤器 3T',
    en: 'Qingyuan Pre-filter 3T',
    flow: '3m³/h',
    grade: '40μm',
    price: 399,
    ports: ['DN15', 'DN20'],
  },
  {
    model: 'QY-QZ-4T',
    zh: '清源 前置过滤器 4T',
    en: 'Qingyuan Pre-filter 4T',
    flow: '4m³/h',
    grade: '40μm',
    price: 599,
    ports: ['DN20', 'DN25'],
  },
  {
    model: 'QY-QZ-6T',
    zh: '清源 前置过滤器 6T',
    en: 'Qingyuan Pre-filter 6T',
    flow: '6m³/h',
    grade: '40μm',
    price: 799,
    ports: ['DN25'],
  },
  {
    model: 'QY-QZ-4T-PRO',
    zh: '清源 自动反冲洗前置过滤器 4T',
    en: 'Qingyuan Auto-backwash Pre-filter 4T',
    flow: '4m³/h',
    grade: '40μm',
    price: 1499,
    ports: ['DN20', 'DN25'],
  },
  {
    model: 'QY-QZ-6T-PRO',
    zh: '清源 自动反冲洗前置过滤器 6T',
    en: 'Qingyuan Auto-backwash Pre-filter 6T',
    flow: '6m³/h',
    grade: '40μm',
    price: 1899,
    ports: ['DN25'],
  },
  {
    model: 'QY-QZ-8T-PRO',
    zh: '清源 自动反冲洗前置过滤器 8T',
    en: 'Qingyuan Auto-backwash Pre-filter 8T',
    flow: '8m³/h',
    grade: '40μm',
    price: 2499,
    ports: ['DN25', 'DN32'],
  },
  {
    model: 'QY-QZ-4T-SS',
    zh: '清源 316不锈钢前置过滤器 4T',
    en: 'Qingyuan 316 Stainless Pre-filter 4T',
    flow: '4m³/h',
    grade: '40μm',
    price: 999,
    ports: ['DN20', 'DN25'],
  },
  {
    model: 'QY-QZ-6T-SS',
    zh: '清源 316不锈钢前置过滤器 6T',
    en: 'Qingyuan 316 Stainless Pre-filter 6T',
    flow: '6m³/h',
    grade: '40μm',
    price: 1299,
    ports: ['DN25'],
  },
];
const PORT_NAMES: Record<string, string> = {
  DN15: '4分接口 DN15 (1/2")',
  DN20: '6分接口 DN20 (3/4")',
  DN25: '1寸接口 DN25 (1")',
  DN32: '1.2寸接口 DN32 (1-1/4")',
};
for (const p of PREFILTERS) {
  add({
    model: p.model,
    category: 'whole-house-prefilter',
    zh: p.zh,
    en: p.en,
    featureZh: '安装于入户总水管，拦截泥沙铁锈，保护热水器、洗碗机等用水电器',
    featureEn:
      'installed on the main inlet to stop sand and rust, protecting water heaters, dishwashers and other appliances',
    attrs: [
      [A.capacity, p.flow],
      [A.grade, p.grade],
      [A.pressure, '0.1–0.6MPa'],
    ],
    variants: p.ports.map((port, i) => ({ suffix: port, name: PORT_NAMES[port], unit: '台', price: p.price + i * 50 })),
    doc: true,
  });
}

const SOFTENERS: { model: string; zh: string; en: string; flow: string; resin: string; price: number }[] = [
  {
    model: 'QY-RS-1T',
    zh: '清源 中央软水机 1T',
    en: 'Qingyuan Whole-house Water Softener 1T',
    flow: '1m³/h',
    resin: '15L',
    price: 4999,
  },
  {
    model: 'QY-RS-2T',
    zh: '清源 中央软水机 2T',
    en: 'Qingyuan Whole-house Water Softener 2T',
    flow: '2m³/h',
    resin: '25L',
    price: 6999,
  },
  {
    model: 'QY-RS-3T',
    zh: '清源 中央软水机 3T',
    en: 'Qingyuan Whole-house Water Softener 3T',
    flow: '3m³/h',
    resin: '35L',
    price: 8999,
  },
  {
    model: 'QY-RS-4T',
    zh: '清源 中央软水机 4T',
    en: 'Qingyuan Whole-house Water Softener 4T',
    flow: '4m³/h',
    resin: '45L',
    price: 10999,
  },
  {
    model: 'QY-RS-2T-DUO',
    zh: '清源 双罐软水机 2T',
    en: 'Qingyuan Twin-tank Water Softener 2T',
    flow: '2m³/h',
    resin: '2×20L',
    price: 9999,
  },
  {
    model: 'QY-RS-3T-DUO',
    zh: '清源 双罐软水机 3T',
    en: 'Qingyuan Twin-tank Water Softener 3T',
    flow: '3m³/h',
    resin: '2×30L',
    price: 12999,
  },
];
for (const s of SOFTENERS) {
  add({
    model: s.model,
    category: 'whole-house-softener',
    zh: s.zh,
    en: s.en,
    featureZh: '离子交换去除钙镁离子，解决水垢问题，智能按流量再生',
    featureEn: 'ion exchange removes calcium and magnesium to stop scale, with metered smart regeneration',
    attrs: [
      [A.capacity, s.flow],
      [A.volume, s.resin],
      [A.power, '5W'],
      [A.pressure, '0.15–0.6MPa'],
    ],
    variants: colours(s.price, ['WH']),
    doc: true,
    video: s.model === 'QY-RS-2T',
  });
}

const CENTRAL: { model: string; zh: string; en: string; flow: string; price: number }[] = [
  { model: 'QY-ZY-2T', zh: '清源 中央净水机 2T', en: 'Qingyuan Central Water Purifier 2T', flow: '2m³/h', price: 5999 },
  { model: 'QY-ZY-3T', zh: '清源 中央净水机 3T', en: 'Qingyuan Central Water Purifier 3T', flow: '3m³/h', price: 7999 },
  { model: 'QY-ZY-4T', zh: '清源 中央净水机 4T', en: 'Qingyuan Central Water Purifier 4T', flow: '4m³/h', price: 9999 },
  {
    model: 'QY-ZY-6T',
    zh: '清源 中央净水机 6T',
    en: 'Qingyuan Central Water Purifier 6T',
    flow: '6m³/h',
    price: 12999,
  },
  {
    model: 'QY-ZY-3T-PRO',
    zh: '清源 中央净水机 3T PRO (KDF)',
    en: 'Qingyuan Central Water Purifier 3T PRO (KDF)',
    flow: '3m³/h',
    price: 11999,
  },
];
for (const c of CENTRAL) {
  add({
    model: c.model,
    category: 'whole-house-central',
    zh: c.zh,
    en: c.en,
    featureZh: '全屋用水去除余氯与异味，洗浴、洗衣用水更洁净',
    featureEn: 'whole-home treatment that removes chlorine and odour from bathing and laundry water',
    attrs: [
      [A.capacity, c.flow],
      [A.material, '椰壳活性炭/KDF Coconut carbon/KDF'],
      [A.pressure, '0.15–0.6MPa'],
    ],
    variants: colours(c.price, ['WH']),
    doc: true,
  });
}

// ---------------------------------------------------------------------------
// 厨房电器 Kitchen appliances
// ---------------------------------------------------------------------------

const ELECTRIC_HEATERS: { model: string; l: number; pro: boolean; price: number }[] = [
  { model: 'QY-DR-50L', l: 50, pro: false, price: 1299 },
  { model: 'QY-DR-60L', l: 60, pro: false, price: 1499 },
  { model: 'QY-DR-80L', l: 80, pro: false, price: 1799 },
  { model: 'QY-DR-100L', l: 100, pro: false, price: 2299 },
  { model: 'QY-DR-60L-PRO', l: 60, pro: true, price: 2499 },
  { model: 'QY-DR-80L-PRO', l: 80, pro: true, price: 2899 },
];
for (const h of ELECTRIC_HEATERS) {
  add({
    model: h.model,
    category: 'kitchen-water-heater',
    zh: `清源 ${h.pro ? '双胆速热' : '储水式'}电热水器 ${h.l}L`,
    en: `Qingyuan ${h.pro ? 'Twin-tank Fast-heat' : 'Storage'} Electric Water Heater ${h.l}L`,
    featureZh: h.pro ? '双胆扁桶设计，3300W速热，APP预约与抑菌模式' : '搪瓷内胆、镁棒防腐，一级能效保温',
    featureEn: h.pro
      ? 'flat twin-tank design, 3300 W fast heating, app scheduling and antibacterial mode'
      : 'enamel tank with magnesium anode, grade-1 insulation',
    attrs: [
      [A.volume, `${h.l}L`],
      [A.power, h.pro ? '3300W' : '2200W'],
      [A.energy, '一级 Grade 1'],
    ],
    variants: colours(h.price, h.pro ? ['WH', 'GR'] : ['WH']),
    doc: true,
  });
}
const GAS_HEATERS: { model: string; l: number; pro: boolean; price: number }[] = [
  { model: 'QY-RQ-13L', l: 13, pro: false, price: 2299 },
  { model: 'QY-RQ-16L', l: 16, pro: false, price: 2799 },
  { model: 'QY-RQ-20L', l: 20, pro: false, price: 3499 },
  { model: 'QY-RQ-16L-PRO', l: 16, pro: true, price: 3999 },
  { model: 'QY-RQ-20L-PRO', l: 20, pro: true, price: 4999 },
];
for (const h of GAS_HEATERS) {
  add({
    model: h.model,
    category: 'kitchen-water-heater',
    zh: `清源 ${h.pro ? '零冷水' : '恒温'}燃气热水器 ${h.l}L`,
    en: `Qingyuan ${h.pro ? 'Zero-cold-water' : 'Constant-temperature'} Gas Water Heater ${h.l}L`,
    featureZh: h.pro ? '内置循环泵，零冷水即开即热，水气双调恒温' : '强排式恒温燃气热水器，±0.5°C精控恒温',
    featureEn: h.pro
      ? 'built-in recirculation pump for instant hot water, dual water/gas modulation'
      : 'forced-exhaust gas heater with ±0.5 °C constant temperature',
    attrs: [
      [A.capacity, `${h.l}L/min`],
      [A.energy, '一级 Grade 1'],
      [A.gas, '天然气/液化气 NG/LPG'],
    ],
    variants: [
      { suffix: 'NG', name: '天然气 12T Natural gas', unit: '台', price: h.price },
      { suffix: 'LPG', name: '液化气 20Y LPG', unit: '台', price: h.price },
    ],
    doc: true,
  });
}

const DISHWASHERS: {
  model: string;
  zh: string;
  en: string;
  settings: number;
  price: number;
  colours: (Colour | [Colour, number])[];
}[] = [
  {
    model: 'QY-XW-8',
    zh: '清源 嵌入式洗碗机 8套',
    en: 'Qingyuan Built-in Dishwasher 8 Place Settings',
    settings: 8,
    price: 2999,
    colours: ['WH'],
  },
  {
    model: 'QY-XW-10',
    zh: '清源 嵌入式洗碗机 10套',
    en: 'Qingyuan Built-in Dishwasher 10 Place Settings',
    settings: 10,
    price: 3499,
    colours: ['WH', 'BK'],
  },
  {
    model: 'QY-XW-13',
    zh: '清源 嵌入式洗碗机 13套',
    en: 'Qingyuan Built-in Dishwasher 13 Place Settings',
    settings: 13,
    price: 4499,
    colours: ['BK', ['SS', 300]],
  },
  {
    model: 'QY-XW-15',
    zh: '清源 嵌入式洗碗机 15套',
    en: 'Qingyuan Built-in Dishwasher 15 Place Settings',
    settings: 15,
    price: 5499,
    colours: ['BK', ['SS', 300]],
  },
  {
    model: 'QY-XW-16-PRO',
    zh: '清源 嵌入式洗碗机 16套 PRO 热风烘干',
    en: 'Qingyuan Built-in Dishwasher 16 Place Settings PRO',
    settings: 16,
    price: 6999,
    colours: ['BK', ['SS', 300]],
  },
  {
    model: 'QY-XWT-4',
    zh: '清源 台式免安装洗碗机 4套',
    en: 'Qingyuan Countertop Dishwasher 4 Place Settings',
    settings: 4,
    price: 1999,
    colours: ['WH'],
  },
  {
    model: 'QY-XWT-6',
    zh: '清源 台式洗碗机 6套',
    en: 'Qingyuan Countertop Dishwasher 6 Place Settings',
    settings: 6,
    price: 2499,
    colours: ['WH', 'GR'],
  },
  {
    model: 'QY-XWS-10',
    zh: '清源 水槽式洗碗机 10套',
    en: 'Qingyuan Sink Dishwasher 10 Place Settings',
    settings: 10,
    price: 5999,
    colours: ['SS'],
  },
  {
    model: 'QY-XWS-13-PRO',
    zh: '清源 水槽式洗碗机 13套 PRO',
    en: 'Qingyuan Sink Dishwasher 13 Place Settings PRO',
    settings: 13,
    price: 8999,
    colours: ['SS'],
  },
];
for (const d of DISHWASHERS) {
  add({
    model: d.model,
    category: 'kitchen-dishwasher',
    zh: d.zh,
    en: d.en,
    featureZh: '75°C高温除菌，软水系统防水渍，一级水效',
    featureEn: '75 °C sanitising wash, built-in softener prevents spots, grade-1 water efficiency',
    attrs: [
      [A.settings, `${d.settings}套 ${d.settings} settings`],
      [A.power, d.settings >= 10 ? '1950W' : '1200W'],
      [A.energy, '一级 Grade 1'],
    ],
    variants: colours(d.price, d.colours),
    doc: true,
    video: d.model === 'QY-XW-13',
  });
}

const UNDERSINK: { model: string; zh: string; en: string; volume: string; power: string; price: number }[] = [
  {
    model: 'QY-KB-5L',
    zh: '清源 储水式小厨宝 5L',
    en: 'Qingyuan Under-sink Water Heater 5L',
    volume: '5L',
    power: '1500W',
    price: 599,
  },
  {
    model: 'QY-KB-7L',
    zh: '清源 储水式小厨宝 7L',
    en: 'Qingyuan Under-sink Water Heater 7L',
    volume: '7L',
    power: '1500W',
    price: 699,
  },
  {
    model: 'QY-KB-8L',
    zh: '清源 储水式小厨宝 8L',
    en: 'Qingyuan Under-sink Water Heater 8L',
    volume: '8L',
    power: '2000W',
    price: 799,
  },
  {
    model: 'QY-KB-10L',
    zh: '清源 储水式小厨宝 10L',
    en: 'Qingyuan Under-sink Water Heater 10L',
    volume: '10L',
    power: '2000W',
    price: 999,
  },
  {
    model: 'QY-KBJ-3K',
    zh: '清源 即热式小厨宝 3kW',
    en: 'Qingyuan Instant Under-sink Heater 3kW',
    volume: '即热 Tankless',
    power: '3000W',
    price: 899,
  },
  {
    model: 'QY-KBJ-5K',
    zh: '清源 即热式小厨宝 5.5kW',
    en: 'Qingyuan Instant Under-sink Heater 5.5kW',
    volume: '即热 Tankless',
    power: '5500W',
    price: 1099,
  },
];
for (const k of UNDERSINK) {
  add({
    model: k.model,
    category: 'kitchen-undersink-heater',
    zh: k.zh,
    en: k.en,
    featureZh: '厨下安装，洗菜洗碗即开热水，与净水器同柜布局',
    featureEn: 'fits under the sink for instant hot water at the tap, shares the cabinet with the purifier',
    attrs: [
      [A.volume, k.volume],
      [A.power, k.power],
      [A.energy, '一级 Grade 1'],
    ],
    variants: colours(k.price, ['WH']),
  });
}

// ---------------------------------------------------------------------------
// 配件 Accessories
// ---------------------------------------------------------------------------

const FAUCETS: { model: string; zh: string; en: string; material: string; price: number; colours: Colour[] }[] = [
  {
    model: 'QY-LT-01',
    zh: '清源 单出水净水龙头',
    en: 'Qingyuan Single-outlet Purified Water Faucet',
    material: '304不锈钢 304 stainless',
    price: 129,
    colours: ['CR'],
  },
  {
    model: 'QY-LT-02',
    zh: '清源 双出水净水龙头',
    en: 'Qingyuan Dual-outlet Purified Water Faucet',
    material: '铜 Brass',
    price: 399,
    colours: ['CR', 'GM'],
  },
  {
    model: 'QY-LT-03',
    zh: '清源 智能TDS显示龙头',
    en: 'Qingyuan Smart TDS Display Faucet',
    material: '铜 Brass',
    price: 299,
    colours: ['CR', 'BK'],
  },
  {
    model: 'QY-LT-04',
    zh: '清源 抽拉式三合一厨房龙头',
    en: 'Qingyuan Pull-out 3-in-1 Kitchen Faucet',
    material: '铜 Brass',
    price: 699,
    colours: ['CR', 'GM', 'BK'],
  },
  {
    model: 'QY-LT-05',
    zh: '清源 不锈钢鹅颈净水龙头',
    en: 'Qingyuan Stainless Gooseneck Faucet',
    material: '304不锈钢 304 stainless',
    price: 199,
    colours: ['SS'],
  },
  {
    model: 'QY-LT-06',
    zh: '清源 三合一厨房龙头 枪灰限定',
    en: 'Qingyuan 3-in-1 Kitchen Faucet Gunmetal Edition',
    material: '铜 Brass',
    price: 899,
    colours: ['GM'],
  },
];
for (const f of FAUCETS) {
  add({
    model: f.model,
    category: 'accessory-faucet',
    zh: f.zh,
    en: f.en,
    featureZh: '无铅材质，陶瓷阀芯，适配清源全系净水器',
    featureEn: 'lead-free body with ceramic cartridge, fits every Qingyuan purifier',
    attrs: [
      [A.material, f.material],
      [A.size, '2分快接 1/4" quick connect'],
    ],
    variants: colours(f.price, f.colours, '支'),
  });
}

const FITTINGS: {
  model: string;
  zh: string;
  en: string;
  attrs: [string, string][];
  unit: Unit;
  moq: number;
  price: number;
}[] = [
  {
    model: 'QY-PJ-PE2',
    zh: '清源 2分PE水管 10米',
    en: 'Qingyuan 1/4" PE Tubing 10 m',
    attrs: [
      [A.size, '2分 1/4" × 10m'],
      [A.material, '食品级PE Food-grade PE'],
    ],
    unit: '套',
    moq: 5,
    price: 29,
  },
  {
    model: 'QY-PJ-PE3',
    zh: '清源 3分PE水管 10米',
    en: 'Qingyuan 3/8" PE Tubing 10 m',
    attrs: [
      [A.size, '3分 3/8" × 10m'],
      [A.material, '食品级PE Food-grade PE'],
    ],
    unit: '套',
    moq: 5,
    price: 39,
  },
  {
    model: 'QY-PJ-SV',
    zh: '清源 进水三通角阀',
    en: 'Qingyuan Inlet Tee Angle Valve',
    attrs: [
      [A.size, '4分转2分 1/2"→1/4"'],
      [A.material, '铜 Brass'],
    ],
    unit: '支',
    moq: 10,
    price: 49,
  },
  {
    model: 'QY-PJ-BV',
    zh: '清源 快接球阀',
    en: 'Qingyuan Quick-connect Ball Valve',
    attrs: [
      [A.size, '2分 1/4"'],
      [A.material, 'POM'],
    ],
    unit: '支',
    moq: 10,
    price: 35,
  },
  {
    model: 'QY-YLT-3G',
    zh: '清源 3.2G压力桶',
    en: 'Qingyuan 3.2-gallon Pressure Tank',
    attrs: [
      [A.volume, '3.2G (12L)'],
      [A.pressure, '0.05–0.4MPa'],
    ],
    unit: '台',
    moq: 1,
    price: 299,
  },
  {
    model: 'QY-ZYB-75',
    zh: '清源 RO增压泵 75G',
    en: 'Qingyuan RO Booster Pump 75G',
    attrs: [
      [A.flow, '75G'],
      [A.power, '24V 36W'],
    ],
    unit: '台',
    moq: 1,
    price: 199,
  },
  {
    model: 'QY-LS-01',
    zh: '清源 漏水保护器',
    en: 'Qingyuan Leak Protector',
    attrs: [
      [A.size, '2分 1/4"'],
      [A.power, '无需用电 None'],
    ],
    unit: '支',
    moq: 5,
    price: 159,
  },
  {
    model: 'QY-ZJ-01',
    zh: '清源 净水器挂装支架',
    en: 'Qingyuan Purifier Wall-mount Bracket',
    attrs: [
      [A.material, '冷轧钢 Cold-rolled steel'],
      [A.size, '通用 Universal'],
    ],
    unit: '套',
    moq: 5,
    price: 69,
  },
];
for (const f of FITTINGS) {
  add({
    model: f.model,
    category: 'accessory-fittings',
    zh: f.zh,
    en: f.en,
    featureZh: '原厂安装配件，服务商安装、移机与维修常备',
    featureEn: 'genuine installation part that service partners keep in stock for installs, moves and repairs',
    attrs: f.attrs,
    variants: [{ suffix: '1', name: '标准装 Standard', unit: f.unit, price: f.price, moq: f.moq, inc: f.moq }],
  });
}

const CONSUMABLES: { model: string; zh: string; en: string; attrs: [string, string][]; price: number }[] = [
  {
    model: 'QY-RY-10KG',
    zh: '清源 软水机专用软水盐 10kg×2',
    en: 'Qingyuan Softener Salt 2 × 10 kg',
    attrs: [
      [A.size, '10kg×2袋 2 × 10 kg bags'],
      [A.compat, 'QY-RS-*'],
    ],
    price: 89,
  },
  {
    model: 'QY-XDJ-60',
    zh: '清源 洗碗机专用洗涤块 60颗',
    en: 'Qingyuan Dishwasher Tablets 60 pcs',
    attrs: [
      [A.size, '60颗 60 tablets'],
      [A.compat, 'QY-XW*'],
    ],
    price: 99,
  },
  {
    model: 'QY-XWY-2KG',
    zh: '清源 洗碗机专用盐 2kg',
    en: 'Qingyuan Dishwasher Salt 2 kg',
    attrs: [
      [A.size, '2kg'],
      [A.compat, 'QY-XW*'],
    ],
    price: 39,
  },
  {
    model: 'QY-GLJ-500',
    zh: '清源 洗碗机光亮剂 500ml',
    en: 'Qingyuan Dishwasher Rinse Aid 500 ml',
    attrs: [
      [A.size, '500ml'],
      [A.compat, 'QY-XW*'],
    ],
    price: 45,
  },
  {
    model: 'QY-CGJ-01',
    zh: '清源 柠檬酸除垢剂',
    en: 'Qingyuan Citric Acid Descaler',
    attrs: [
      [A.size, '25g×8包 8 × 25 g sachets'],
      [A.compat, 'QY-JR-*, QY-KB-*, QY-GX-*'],
    ],
    price: 29,
  },
];
for (const c of CONSUMABLES) {
  add({
    model: c.model,
    category: 'accessory-consumables',
    zh: c.zh,
    en: c.en,
    featureZh: '原厂配套耗材，保障设备长期稳定运行',
    featureEn: 'genuine consumable that keeps the appliance running reliably',
    attrs: c.attrs,
    variants: [
      { suffix: '1', name: '单件 Single', unit: '套', price: c.price, moq: 1, inc: 1 },
      { suffix: 'C12', name: '整箱12件 Case of 12', unit: '箱', price: c.price * 12 - 48, moq: 1, inc: 1 },
    ],
  });
}

const TESTING: { model: string; zh: string; en: string; attrs: [string, string][]; unit: Unit; price: number }[] = [
  {
    model: 'QY-TDS-01',
    zh: '清源 TDS水质检测笔',
    en: 'Qingyuan TDS Meter Pen',
    attrs: [
      [A.size, '0–9990ppm'],
      [A.power, '纽扣电池 Button cell'],
    ],
    unit: '支',
    price: 49,
  },
  {
    model: 'QY-TDS-02',
    zh: '清源 三合一水质检测笔 (TDS/EC/温度)',
    en: 'Qingyuan 3-in-1 Water Tester (TDS/EC/Temp)',
    attrs: [
      [A.size, 'TDS/EC/°C'],
      [A.power, '纽扣电池 Button cell'],
    ],
    unit: '支',
    price: 99,
  },
  {
    model: 'QY-YL-01',
    zh: '清源 余氯检测试剂 (50次)',
    en: 'Qingyuan Residual Chlorine Test Reagent (50 tests)',
    attrs: [
      [A.size, '50次 50 tests'],
      [A.contents, 'OTO试剂+比色管 OTO reagent + tube'],
    ],
    unit: '套',
    price: 29,
  },
  {
    model: 'QY-SZJC-01',
    zh: '清源 家庭水质检测套装',
    en: 'Qingyuan Home Water Test Kit',
    attrs: [
      [A.contents, 'TDS笔+余氯+硬度+pH试剂 TDS pen, chlorine, hardness, pH'],
      [A.size, '约100次检测 About 100 tests'],
    ],
    unit: '套',
    price: 199,
  },
];
for (const t of TESTING) {
  add({
    model: t.model,
    category: 'accessory-testing',
    zh: t.zh,
    en: t.en,
    featureZh: '门店演示与上门检测水质必备工具',
    featureEn: 'essential tool for in-store demos and home water tests',
    attrs: t.attrs,
    variants: [
      {
        suffix: '1',
        name: '标准装 Standard',
        unit: t.unit,
        price: t.price,
        moq: t.unit === '支' ? 10 : 5,
        inc: t.unit === '支' ? 10 : 5,
      },
    ],
  });
}

export const demoProducts: DemoProduct[] = products;

// ---------------------------------------------------------------------------
// Sku selections used by assortments, price lists and promotions
// ---------------------------------------------------------------------------

const topCategoryOf = new Map<string, string>();
for (const c of demoCategories) topCategoryOf.set(c.key, c.parentKey ?? c.key);

/** Skus whose product sits under one of the given top-level categories. */
function skusUnder(tops: string[]): string[] {
  return demoProducts
    .filter((p) => tops.includes(topCategoryOf.get(p.categoryKey) ?? ''))
    .flatMap((p) => p.variants.map((v) => v.sku));
}

const FILTER_LEAVES = demoCategories.filter((c) => c.parentKey === 'filters').map((c) => c.key);

/** The flagship for the Shenzhen retailer promotion. */
const FLAGSHIP_SKU = 'QY-RO-800G-PRO-WH';

// ---------------------------------------------------------------------------
// Floors (brand MAP, per buyer tier)
// ---------------------------------------------------------------------------

export const demoFloors: DemoFloor[] = [
  { tier: 'GENERAL_AGENT', factor: 0.4 },
  { tier: 'DISTRIBUTOR', factor: 0.5 },
  { tier: 'RETAILER', factor: 0.65 },
];

// ---------------------------------------------------------------------------
// Assortments
// ---------------------------------------------------------------------------

const DISTRIBUTOR_KEYS: string[] = [
  'dist-guangzhou',
  'dist-shenzhen',
  'dist-foshan',
  'dist-nanning',
  'dist-haikou',
  'dist-shanghai',
  'dist-nanjing',
  'dist-suzhou',
  'dist-hangzhou',
  'dist-ningbo',
  'dist-beijing',
  'dist-tianjin',
  'dist-jinan',
  'dist-qingdao',
];

/** Distributors that carry only part of their agent's range. */
const DISTRIBUTOR_SUBSETS: Record<string, string[]> = {
  // Haikou: a small market, no kitchen appliances, dispensers or whole-house systems.
  'dist-haikou': skusUnder(['purifiers', 'filters', 'accessories']),
  // Jinan (under agent-north, which has no kitchen range): drinking water only.
  'dist-jinan': skusUnder(['purifiers', 'filters', 'dispensers']),
};

export const demoAssortments: DemoAssortment[] = [
  { sellerKey: 'brand', includeAll: true },
  { sellerKey: 'agent-south', includeAll: true },
  { sellerKey: 'agent-east', includeAll: true },
  // North China does not carry the kitchen-appliance range.
  {
    sellerKey: 'agent-north',
    includeAll: false,
    skus: skusUnder(['purifiers', 'filters', 'dispensers', 'whole-house', 'accessories']),
  },
  ...DISTRIBUTOR_KEYS.map((key): DemoAssortment =>
    DISTRIBUTOR_SUBSETS[key]
      ? { sellerKey: key, includeAll: false, skus: DISTRIBUTOR_SUBSETS[key] }
      : { sellerKey: key, includeAll: true },
  ),
];

// ---------------------------------------------------------------------------
// Price lists
// ---------------------------------------------------------------------------

const Y2026 = '2026-01-01T00:00:00+08:00';
const Y2027 = '2027-01-01T00:00:00+08:00';

/** Distributors with their own retailer terms: [key, city, region for a district list, district, key accounts]. */
const RETAIL_TERMS: [string, string, string, string, string[]][] = [
  ['dist-shenzhen', '深圳', '440306', '宝安区', ['ret-shenzhen-futian-1', 'ret-shenzhen-nanshan-1']],
  ['dist-guangzhou', '广州', '440106', '天河区', ['ret-guangzhou-panyu-1']],
  ['dist-hangzhou', '杭州', '330108', '滨江区', ['ret-hangzhou-shangcheng-1']],
];

export const demoPriceLists: DemoPriceList[] = [
  // ----- Brand -> general agents ---------------------------------------------
  {
    key: 'brand-default',
    ownerKey: 'brand',
    name: '清源净水 标准出厂价 Brand standard list',
    priority: 0,
    validFrom: null,
    validTo: null,
    assignments: [],
    pricing: { factor: 0.45 },
  },
  {
    key: 'brand-general-agent',
    ownerKey: 'brand',
    name: '清源净水 总代理价 2026 General agent list 2026',
    priority: 10,
    validFrom: Y2026,
    validTo: null,
    assignments: [{ tier: 'GENERAL_AGENT' }],
    pricing: { factor: 0.42 },
  },
  {
    // Future: takes over from the 2026 list (same tier, higher priority) once it starts.
    key: 'brand-general-agent-2027',
    ownerKey: 'brand',
    name: '清源净水 总代理价 2027 General agent list 2027',
    priority: 20,
    validFrom: Y2027,
    validTo: null,
    assignments: [{ tier: 'GENERAL_AGENT' }],
    pricing: { factor: 0.43 },
  },
  // ----- General agents -> distributors --------------------------------------
  ...(['agent-south', 'agent-east', 'agent-north'] as const).map((agent): DemoPriceList => ({
    key: `${agent}-distributor`,
    ownerKey: agent,
    name: `${{ 'agent-south': '华南', 'agent-east': '华东', 'agent-north': '华北' }[agent]}经销商价 Distributor list`,
    priority: 10,
    validFrom: null,
    validTo: null,
    assignments: [{ tier: 'DISTRIBUTOR' }],
    pricing: {
      factor: 0.55,
      breaks: [
        { minQuantity: 10, factor: 0.53 },
        { minQuantity: 50, factor: 0.51 },
      ],
    },
  })),
  // ----- Distributors -> retailers: every distributor's default list -----------
  ...DISTRIBUTOR_KEYS.map((dist): DemoPriceList => ({
    key: `${dist}-default`,
    ownerKey: dist,
    name: '零售商标准供货价 Retailer standard list',
    priority: 0,
    validFrom: null,
    validTo: null,
    assignments: [],
    pricing: { factor: 0.78 },
  })),
  // ----- Distributors with their own retailer terms ----------------------------
  ...RETAIL_TERMS.flatMap(([dist, city, regionCode, district, accounts]): DemoPriceList[] => [
    {
      key: `${dist}-retailer`,
      ownerKey: dist,
      name: `${city}零售商合作价 Retailer partner list`,
      priority: 10,
      validFrom: null,
      validTo: null,
      assignments: [{ tier: 'RETAILER' }],
      pricing: { factor: 0.75 },
    },
    {
      key: `${dist}-region-${regionCode}`,
      ownerKey: dist,
      name: `${city}${district}拓展价 District development list`,
      priority: 20,
      validFrom: null,
      validTo: null,
      assignments: [{ regionCode }],
      pricing: { factor: 0.73 },
    },
    {
      key: `${dist}-key-accounts`,
      ownerKey: dist,
      name: `${city}重点客户价 Key account list`,
      priority: 30,
      validFrom: null,
      validTo: null,
      assignments: accounts.map((accountKey) => ({ accountKey })),
      pricing: {
        factor: 0.7,
        breaks: [{ minQuantity: 20, factor: 0.68 }],
        // Key-account terms cover the core range; other skus fall back to the less specific lists.
        skus: skusUnder(['purifiers', 'filters']),
      },
    },
  ]),
  {
    // Expired: a 2025 Double-11 list that no longer applies.
    key: 'dist-shenzhen-double11-2025',
    ownerKey: 'dist-shenzhen',
    name: '2025双十一备货价 Double 11 stocking list 2025',
    priority: 50,
    validFrom: '2025-11-01T00:00:00+08:00',
    validTo: '2025-11-12T00:00:00+08:00',
    assignments: [{ tier: 'RETAILER' }],
    pricing: { factor: 0.7 },
  },
];

// ---------------------------------------------------------------------------
// Promotions
// ---------------------------------------------------------------------------

export const demoPromotions: DemoPromotion[] = [
  {
    key: 'brand-ro-agent-3off',
    ownerKey: 'brand',
    name: '2026 RO净水器总代返利 3% RO purifier agent rebate',
    kind: 'PERCENT_OFF',
    value: '3',
    validFrom: Y2026,
    validTo: Y2027,
    stackable: false,
    tiers: ['GENERAL_AGENT'],
    regionCodes: [],
    accountKeys: [],
    skus: [],
    categoryKeys: ['purifier-ro'],
  },
  {
    key: 'agent-south-618-filters',
    ownerKey: 'agent-south',
    name: '618滤芯节 经销商95折 618 filter festival 5% off',
    kind: 'PERCENT_OFF',
    value: '5',
    validFrom: Y2026,
    validTo: Y2027,
    stackable: false,
    tiers: ['DISTRIBUTOR'],
    regionCodes: [],
    accountKeys: [],
    skus: [],
    categoryKeys: FILTER_LEAVES,
  },
  {
    key: 'dist-shenzhen-flagship-100',
    ownerKey: 'dist-shenzhen',
    name: 'PRO 800G旗舰款立减100元 Flagship ¥100 off',
    kind: 'AMOUNT_OFF',
    value: '100.00',
    validFrom: Y2026,
    validTo: Y2027,
    stackable: false,
    tiers: ['RETAILER'],
    regionCodes: [],
    accountKeys: [],
    skus: [FLAGSHIP_SKU],
    categoryKeys: [],
  },
  {
    key: 'dist-shenzhen-futian-2off',
    ownerKey: 'dist-shenzhen',
    name: '福田区门店额外2%让利 Futian stores extra 2% off',
    kind: 'PERCENT_OFF',
    value: '2',
    validFrom: Y2026,
    validTo: Y2027,
    stackable: true,
    tiers: ['RETAILER'],
    regionCodes: ['440304'],
    accountKeys: [],
    skus: [],
    categoryKeys: [],
  },
  {
    // Expired: 2025 Double 11.
    key: 'dist-shenzhen-double11-2025',
    ownerKey: 'dist-shenzhen',
    name: '2025双十一RO净水器92折 Double 11 RO 8% off',
    kind: 'PERCENT_OFF',
    value: '8',
    validFrom: '2025-11-01T00:00:00+08:00',
    validTo: '2025-11-12T00:00:00+08:00',
    stackable: false,
    tiers: ['RETAILER'],
    regionCodes: [],
    accountKeys: [],
    skus: [],
    categoryKeys: ['purifier-ro'],
  },
];
