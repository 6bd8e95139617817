/**
 * Deterministic demo data for channelgraph.
 *
 * Brand: 清源净水 Qingyuan Water (water purifiers and kitchen appliances), HQ in
 * Shunde, Foshan (佛山市顺德区). Channel: brand -> 3 general agents -> 14 city
 * distributors (who also run installation / after-sales) -> local retailers.
 *
 * Pure data: no imports, no randomness, no clock. Every region code used here
 * is a key of src/modules/regions/gbt2260.json. All e-mail addresses use the
 * reserved `.example` TLD; phone numbers are fictitious but formatted like
 * real Chinese numbers.
 *
 * Memorable demo logins (password: DEMO_PASSWORD):
 *   admin@qingyuan.example                brand administrator
 *   admin@agent-south.example             South China general agent administrator
 *   admin@dist-shenzhen.example           Shenzhen distributor administrator
 *   buyer@dist-shenzhen.example           Shenzhen distributor buyer
 *   service@dist-shenzhen.example         Shenzhen distributor service (installation) staff
 *   buyer@ret-shenzhen-futian-1.example   Shenzhen Futian retailer buyer
 */

export type DemoTier = 'BRAND' | 'GENERAL_AGENT' | 'DISTRIBUTOR' | 'RETAILER';
export type DemoRole = 'ADMIN' | 'BUYER' | 'FINANCE' | 'SERVICE' | 'ANALYST';

export interface DemoAccount {
  key: string;
  parentKey: string | null;
  name: string;
  tier: DemoTier;
  code: string;
  territory: string[];
  address: {
    line1: string;
    city: string;
    regionCode: string;
    postalCode: string;
    latitude: number;
    longitude: number;
  };
  contact: { name: string; phone: string; email: string };
  creditLimit: string | null;
  servicePhone: string | null;
  portal: {
    slug: string;
    displayName: string;
    logoUrl: string | null;
    primaryColor: string;
    welcomeText: string;
  } | null;
}

export interface DemoUser {
  email: string;
  name: string;
  roles: DemoRole[];
  accountKey: string;
}

export const DEMO_PASSWORD: string = 'channel-demo-2026';

// ---------------------------------------------------------------------------
// Brand
// ---------------------------------------------------------------------------

/** All province-level divisions of mainland China (excludes 710000, 810000, 820000). */
const MAINLAND_PROVINCES: string[] = [
  '110000',
  '120000',
  '130000',
  '140000',
  '150000',
  '210000',
  '220000',
  '230000',
  '310000',
  '320000',
  '330000',
  '340000',
  '350000',
  '360000',
  '370000',
  '410000',
  '420000',
  '430000',
  '440000',
  '450000',
  '460000',
  '500000',
  '510000',
  '520000',
  '530000',
  '540000',
  '610000',
  '620000',
  '630000',
  '640000',
  '650000',
];

const brand: DemoAccount = {
  key: 'brand',
  parentKey: null,
  name: '广东清源净水科技股份有限公司 (Qingyuan Water Technology Co., Ltd.)',
  tier: 'BRAND',
  code: 'QY-B0001',
  territory: MAINLAND_PROVINCES,
  address: {
    line1: '顺德区大良街道新城区德胜东路8号清源净水总部大厦',
    city: '佛山市',
    regionCode: '440606',
    postalCode: '528300',
    latitude: 22.811,
    longitude: 113.292,
  },
  contact: { name: '何志远', phone: '+86 757 2233 6600', email: 'admin@qingyuan.example' },
  creditLimit: null,
  servicePhone: '+86 400 830 6600',
  portal: {
    slug: 'qingyuan',
    displayName: '清源净水 Qingyuan Water',
    logoUrl: '/assets/logos/qingyuan.svg',
    primaryColor: '#0a6ebd',
    welcomeText: '欢迎使用清源净水渠道订货平台。Welcome to the Qingyuan Water channel ordering portal.',
  },
};

const brandUsers: DemoUser[] = [
  { email: 'admin@qingyuan.example', name: '何志远', roles: ['ADMIN'], accountKey: 'brand' },
  { email: 'finance@qingyuan.example', name: '梁淑芬', roles: ['FINANCE'], accountKey: 'brand' },
  { email: 'service@qingyuan.example', name: '黄国强', roles: ['SERVICE'], accountKey: 'brand' },
  { email: 'analyst@qingyuan.example', name: '苏雨晴', roles: ['ANALYST'], accountKey: 'brand' },
];

// ---------------------------------------------------------------------------
// General agents
// ---------------------------------------------------------------------------

interface AgentSpec {
  account: DemoAccount;
  staff: { admin: string; buyer: string; finance: string; analyst: string };
}

function agent(
  spec: Omit<DemoAccount, 'parentKey' | 'tier' | 'contact'> & {
    contactPhone: string;
    staff: AgentSpec['staff'];
  },
): AgentSpec {
  const { contactPhone, staff, ...rest } = spec;
  return {
    account: {
      ...rest,
      parentKey: 'brand',
      tier: 'GENERAL_AGENT',
      contact: { name: staff.admin, phone: contactPhone, email: `admin@${spec.key}.example` },
    },
    staff,
  };
}

const agentSpecs: AgentSpec[] = [
  agent({
    key: 'agent-south',
    name: '广州粤泉环境科技有限公司 (华南总代理)',
    code: 'QY-GA-S',
    territory: ['440000', '450000', '460000'],
    address: {
      line1: '天河区华夏路30号富力盈通大厦2205室',
      city: '广州市',
      regionCode: '440106',
      postalCode: '510623',
      latitude: 23.121,
      longitude: 113.325,
    },
    contactPhone: '+86 20 3888 6601',
    creditLimit: '5000000.00',
    servicePhone: '+86 20 3888 6600',
    portal: {
      slug: 'qingyuan-south',
      displayName: '清源净水 · 华南运营中心',
      logoUrl: '/assets/logos/qingyuan-south.svg',
      primaryColor: '#0b7a75',
      welcomeText:
        '华南区（广东、广西、海南）经销商订货与服务门户。South China channel portal for Guangdong, Guangxi and Hainan.',
    },
    staff: { admin: '李伟明', buyer: '张敏', finance: '吴晓燕', analyst: '欧阳子涵' },
  }),
  agent({
    key: 'agent-east',
    name: '上海沪清源商贸有限公司 (华东总代理)',
    code: 'QY-GA-E',
    territory: ['310000', '320000', '330000'],
    address: {
      line1: '静安区南京西路1266号恒隆广场二座3108室',
      city: '上海市',
      regionCode: '310106',
      postalCode: '200040',
      latitude: 31.228,
      longitude: 121.452,
    },
    contactPhone: '+86 21 6288 3301',
    creditLimit: '6000000.00',
    servicePhone: '+86 21 6288 3300',
    portal: {
      slug: 'qingyuan-east',
      displayName: '清源净水 · 华东运营中心',
      logoUrl: '/assets/logos/qingyuan-east.svg',
      primaryColor: '#1f5fa8',
      welcomeText:
        '华东区（上海、江苏、浙江）经销商订货与服务门户。East China channel portal for Shanghai, Jiangsu and Zhejiang.',
    },
    staff: { admin: '王浩然', buyer: '徐婷', finance: '沈佳怡', analyst: '陶思琪' },
  }),
  agent({
    key: 'agent-north',
    name: '北京京源泰商贸有限公司 (华北总代理)',
    code: 'QY-GA-N',
    territory: ['110000', '120000', '130000', '370000'],
    address: {
      line1: '朝阳区建国门外大街1号国贸大厦B座1806室',
      city: '北京市',
      regionCode: '110105',
      postalCode: '100004',
      latitude: 39.909,
      longitude: 116.459,
    },
    contactPhone: '+86 10 6505 8801',
    creditLimit: '4500000.00',
    servicePhone: '+86 10 6505 8800',
    portal: {
      slug: 'qingyuan-north',
      displayName: '清源净水 · 华北运营中心',
      logoUrl: '/assets/logos/qingyuan-north.svg',
      primaryColor: '#8a2b2b',
      welcomeText:
        '华北区（北京、天津、河北、山东）经销商订货与服务门户。North China channel portal for Beijing, Tianjin, Hebei and Shandong.',
    },
    staff: { admin: '刘建军', buyer: '赵静', finance: '孙丽华', analyst: '马俊杰' },
  }),
];

// ---------------------------------------------------------------------------
// Distributors and their retailers
// ---------------------------------------------------------------------------

/**
 * One retailer row:
 * [district slug, district region code, shop name, street address, postal code,
 *  latitude, longitude, owner/buyer name, credit limit in CNY, optional second user]
 */
type RetailerRow = [
  district: string,
  regionCode: string,
  name: string,
  line1: string,
  postalCode: string,
  latitude: number,
  longitude: number,
  buyer: string,
  credit: number,
  second?: ['ADMIN' | 'FINANCE', string],
];

interface DistributorSpec {
  key: string;
  agentKey: string;
  /** city slug used in retailer keys and the portal slug */
  city: string;
  /** short ERP city code used in account codes */
  cityCode: string;
  cityName: string;
  cityNameEn: string;
  name: string;
  territory: string[];
  address: DemoAccount['address'];
  phone: string;
  servicePhone: string;
  credit: number;
  color: string;
  staff: { admin: string; buyer: string; finance: string; service: string; analyst?: string };
  retailers: RetailerRow[];
}

const distributorSpecs: DistributorSpec[] = [
  // ----- South China -------------------------------------------------------
  {
    key: 'dist-guangzhou',
    agentKey: 'agent-south',
    city: 'guangzhou',
    cityCode: 'GZ',
    cityName: '广州市',
    cityNameEn: 'Guangzhou',
    name: '广州市穗源净水设备有限公司',
    territory: ['440100'],
    address: {
      line1: '海珠区新港东路1000号保利世贸中心E座1512室',
      city: '广州市',
      regionCode: '440105',
      postalCode: '510308',
      latitude: 23.104,
      longitude: 113.366,
    },
    phone: '+86 20 8923 5501',
    servicePhone: '+86 20 8923 5500',
    credit: 1800000,
    color: '#0e7c86',
    staff: { admin: '黄振华', buyer: '罗晓东', finance: '冯嘉欣', service: '梁志明' },
    retailers: [
      [
        'tianhe',
        '440106',
        '天河区岗顶净源电器商行',
        '天河区天河路561号粤电广场首层A08',
        '510630',
        23.135,
        113.338,
        '区伟强',
        120000,
        ['FINANCE', '邝丽珊'],
      ],
      ['yuexiu', '440104', '越秀区东山口家电行', '越秀区农林下路81号首层', '510080', 23.125, 113.295, '谭耀祖', 60000],
      ['haizhu', '440105', '海珠区江南西净水体验店', '海珠区江南西路63号', '510240', 23.095, 113.27, '骆晓玲', 50000],
      [
        'panyu',
        '440113',
        '番禺区市桥安心厨卫电器店',
        '番禺区市桥街光明北路288号',
        '511400',
        22.945,
        113.36,
        '钟永健',
        80000,
        ['ADMIN', '钟美华'],
      ],
      [
        'baiyun',
        '440111',
        '白云区同和家用净水器经销部',
        '白云区同和街同和路68号',
        '510515',
        23.192,
        113.327,
        '叶振邦',
        40000,
      ],
    ],
  },
  {
    key: 'dist-shenzhen',
    agentKey: 'agent-south',
    city: 'shenzhen',
    cityCode: 'SZ',
    cityName: '深圳市',
    cityNameEn: 'Shenzhen',
    name: '深圳市鹏泉环保科技有限公司',
    territory: ['440300'],
    address: {
      line1: '福田区华富路1018号中航中心2106室',
      city: '深圳市',
      regionCode: '440304',
      postalCode: '518031',
      latitude: 22.545,
      longitude: 114.087,
    },
    phone: '+86 755 8636 2201',
    servicePhone: '+86 755 8636 2200',
    credit: 2000000,
    color: '#0a6ebd',
    staff: { admin: '陈志强', buyer: '林晓敏', finance: '郑慧', service: '刘洋', analyst: '许文博' },
    retailers: [
      [
        'futian',
        '440304',
        '福田区车公庙清泉居净水器专卖店',
        '福田区泰然九路海松大厦A座一楼108号',
        '518040',
        22.536,
        114.024,
        '陈晓峰',
        80000,
        ['ADMIN', '陈丽'],
      ],
      [
        'futian',
        '440304',
        '福田区华强北益家电器商行',
        '福田区华强北路1019号华强广场B座1楼12号',
        '518031',
        22.545,
        114.085,
        '吴俊杰',
        60000,
      ],
      [
        'nanshan',
        '440305',
        '南山区蛇口安居家电经营部',
        '南山区工业八路蛇口花园城二期1楼126号',
        '518067',
        22.491,
        113.917,
        '曾雅婷',
        100000,
        ['FINANCE', '曾国华'],
      ],
      [
        'baoan',
        '440306',
        '宝安区西乡优品厨电店',
        '宝安区西乡街道宝源路1065号',
        '518102',
        22.577,
        113.866,
        '邓志刚',
        50000,
      ],
      [
        'longgang',
        '440307',
        '龙岗区布吉润水净水设备店',
        '龙岗区布吉街道吉华路288号',
        '518112',
        22.605,
        114.115,
        '杨春梅',
        40000,
      ],
    ],
  },
  {
    key: 'dist-foshan',
    agentKey: 'agent-south',
    city: 'foshan',
    cityCode: 'FS',
    cityName: '佛山市',
    cityNameEn: 'Foshan',
    name: '佛山市禅泉家电服务有限公司',
    territory: ['440600'],
    address: {
      line1: '禅城区季华五路22号季华大厦1203室',
      city: '佛山市',
      regionCode: '440604',
      postalCode: '528000',
      latitude: 23.015,
      longitude: 113.115,
    },
    phone: '+86 757 8233 7701',
    servicePhone: '+86 757 8233 7700',
    credit: 1500000,
    color: '#2a7f3f',
    staff: { admin: '何家俊', buyer: '区美玲', finance: '潘淑仪', service: '麦永康' },
    retailers: [
      ['chancheng', '440604', '禅城区祖庙清水坊电器店', '禅城区祖庙路33号', '528000', 23.034, 113.11, '霍志恒', 50000],
      [
        'nanhai',
        '440605',
        '南海区桂城千灯湖净水专营店',
        '南海区桂城街道南海大道北70号',
        '528200',
        23.045,
        113.152,
        '关绮雯',
        90000,
        ['FINANCE', '关振东'],
      ],
      [
        'shunde',
        '440606',
        '顺德区大良美居厨电体验馆',
        '顺德区大良街道凤山中路80号',
        '528300',
        22.84,
        113.254,
        '罗锦标',
        150000,
        ['ADMIN', '罗嘉敏'],
      ],
      [
        'shunde',
        '440606',
        '顺德区容桂好水源净水店',
        '顺德区容桂街道容奇大道中168号',
        '528303',
        22.775,
        113.28,
        '苏少芬',
        60000,
      ],
      [
        'sanshui',
        '440607',
        '三水区西南街清泉电器经营部',
        '三水区西南街道广海大道西15号',
        '528100',
        23.16,
        112.895,
        '陆炳坤',
        30000,
      ],
    ],
  },
  {
    key: 'dist-nanning',
    agentKey: 'agent-south',
    city: 'nanning',
    cityCode: 'NN',
    cityName: '南宁市',
    cityNameEn: 'Nanning',
    name: '南宁市邕清源商贸有限公司',
    territory: ['450100'],
    address: {
      line1: '青秀区民族大道136号华润大厦C座1508室',
      city: '南宁市',
      regionCode: '450103',
      postalCode: '530022',
      latitude: 22.817,
      longitude: 108.386,
    },
    phone: '+86 771 578 2201',
    servicePhone: '+86 771 578 2200',
    credit: 600000,
    color: '#5b8c2a',
    staff: { admin: '韦国庆', buyer: '覃丽萍', finance: '黄秋菊', service: '蒙建新' },
    retailers: [
      [
        'qingxiu',
        '450103',
        '青秀区东葛路净水专卖店',
        '青秀区东葛路118号',
        '530022',
        22.826,
        108.35,
        '农海燕',
        60000,
        ['ADMIN', '农志勇'],
      ],
      ['xingning', '450102', '兴宁区朝阳路家电行', '兴宁区朝阳路26号', '530012', 22.818, 108.32, '莫振华', 40000],
      [
        'jiangnan',
        '450105',
        '江南区星光大道厨卫电器店',
        '江南区星光大道39号',
        '530031',
        22.795,
        108.3,
        '陆桂兰',
        30000,
      ],
      [
        'xixiangtang',
        '450107',
        '西乡塘区大学路清源净水服务点',
        '西乡塘区大学东路98号',
        '530007',
        22.838,
        108.295,
        '黄文斌',
        25000,
      ],
      [
        'liangqing',
        '450108',
        '良庆区五象新区净水体验店',
        '良庆区五象大道401号',
        '530200',
        22.76,
        108.39,
        '李春秀',
        50000,
      ],
    ],
  },
  {
    key: 'dist-haikou',
    agentKey: 'agent-south',
    city: 'haikou',
    cityCode: 'HK',
    cityName: '海口市',
    cityNameEn: 'Haikou',
    name: '海南椰泉净水科技有限公司',
    territory: ['460100'],
    address: {
      line1: '龙华区国贸路2号时代广场1702室',
      city: '海口市',
      regionCode: '460106',
      postalCode: '570125',
      latitude: 20.025,
      longitude: 110.318,
    },
    phone: '+86 898 6852 3301',
    servicePhone: '+86 898 6852 3300',
    credit: 500000,
    color: '#00897b',
    staff: { admin: '符海波', buyer: '王小玲', finance: '吉秀英', service: '邢福生' },
    retailers: [
      ['longhua', '460106', '龙华区金贸净水器专卖店', '龙华区金贸东路8号', '570125', 20.022, 110.318, '陈运华', 50000],
      [
        'meilan',
        '460108',
        '美兰区海甸岛家电行',
        '美兰区海甸二东路16号',
        '570208',
        20.057,
        110.335,
        '林少雄',
        40000,
        ['FINANCE', '林秀梅'],
      ],
      ['xiuying', '460105', '秀英区西海岸厨卫电器店', '秀英区滨海大道258号', '570311', 20.03, 110.28, '吴清妹', 30000],
      [
        'qiongshan',
        '460107',
        '琼山区府城家用电器经营部',
        '琼山区府城镇忠介路18号',
        '571100',
        19.995,
        110.352,
        '王业昌',
        20000,
      ],
      [
        'meilan',
        '460108',
        '美兰区国兴大道净水服务中心',
        '美兰区国兴大道15号',
        '570203',
        20.022,
        110.345,
        '冯琼花',
        60000,
      ],
    ],
  },
  // ----- East China --------------------------------------------------------
  {
    key: 'dist-shanghai',
    agentKey: 'agent-east',
    city: 'shanghai',
    cityCode: 'SH',
    cityName: '上海市',
    cityNameEn: 'Shanghai',
    name: '上海申源净水设备有限公司',
    territory: ['310101', '310104', '310105', '310112', '310115'],
    address: {
      line1: '徐汇区漕溪北路88号圣爱大厦1106室',
      city: '上海市',
      regionCode: '310104',
      postalCode: '200030',
      latitude: 31.19,
      longitude: 121.437,
    },
    phone: '+86 21 6427 5501',
    servicePhone: '+86 21 6427 5500',
    credit: 2000000,
    color: '#1565c0',
    staff: { admin: '顾振宇', buyer: '陆雯', finance: '钱敏', service: '朱峰', analyst: '蒋思远' },
    retailers: [
      [
        'pudong',
        '310115',
        '浦东新区联洋净水体验店',
        '浦东新区芳甸路300号联洋广场1楼',
        '200135',
        31.223,
        121.555,
        '张佳琪',
        150000,
        ['ADMIN', '张伟国'],
      ],
      ['pudong', '310115', '浦东新区川沙家电行', '浦东新区川沙路5558号', '201200', 31.193, 121.7, '施建明', 60000],
      ['xuhui', '310104', '徐汇区田林厨卫电器店', '徐汇区田林路200号', '200233', 31.17, 121.43, '周慧芳', 80000],
      [
        'changning',
        '310105',
        '长宁区中山公园净水器专卖店',
        '长宁区长宁路1018号',
        '200050',
        31.22,
        121.418,
        '唐志华',
        100000,
        ['FINANCE', '唐雅琳'],
      ],
      [
        'minhang',
        '310112',
        '闵行区莘庄清泉净水店',
        '闵行区莘庄镇莘松路380号',
        '201199',
        31.112,
        121.385,
        '倪春燕',
        50000,
      ],
    ],
  },
  {
    key: 'dist-nanjing',
    agentKey: 'agent-east',
    city: 'nanjing',
    cityCode: 'NJ',
    cityName: '南京市',
    cityNameEn: 'Nanjing',
    name: '南京金陵清泉环保工程有限公司',
    territory: ['320100'],
    address: {
      line1: '建邺区江东中路311号中泰国际广场5栋1208室',
      city: '南京市',
      regionCode: '320105',
      postalCode: '210019',
      latitude: 32.012,
      longitude: 118.735,
    },
    phone: '+86 25 8468 1101',
    servicePhone: '+86 25 8468 1100',
    credit: 1200000,
    color: '#6a3d9a',
    staff: { admin: '孙立新', buyer: '姚倩', finance: '卞红梅', service: '戴军' },
    retailers: [
      [
        'xuanwu',
        '320102',
        '玄武区新街口净水专营店',
        '玄武区中山路18号',
        '210018',
        32.044,
        118.786,
        '储国平',
        90000,
        ['ADMIN', '储晓雯'],
      ],
      ['qinhuai', '320104', '秦淮区夫子庙家电行', '秦淮区建康路1号', '210001', 32.021, 118.788, '贾玉兰', 40000],
      ['gulou', '320106', '鼓楼区湖南路厨卫电器店', '鼓楼区湖南路88号', '210009', 32.066, 118.78, '濮文杰', 60000],
      [
        'jiangning',
        '320115',
        '江宁区东山清源净水服务点',
        '江宁区东山街道金箔路368号',
        '211100',
        31.952,
        118.848,
        '葛红霞',
        50000,
      ],
      [
        'jianye',
        '320105',
        '建邺区河西万达净水体验店',
        '建邺区江东中路98号',
        '210019',
        32.038,
        118.733,
        '管永生',
        70000,
      ],
    ],
  },
  {
    key: 'dist-suzhou',
    agentKey: 'agent-east',
    city: 'suzhou',
    cityCode: 'SU',
    cityName: '苏州市',
    cityNameEn: 'Suzhou',
    name: '苏州吴源净水科技有限公司',
    territory: ['320500'],
    address: {
      line1: '虎丘区狮山路199号新地中心1606室',
      city: '苏州市',
      regionCode: '320505',
      postalCode: '215011',
      latitude: 31.298,
      longitude: 120.565,
    },
    phone: '+86 512 6825 3301',
    servicePhone: '+86 512 6825 3300',
    credit: 1000000,
    color: '#2e7d32',
    staff: { admin: '沈国华', buyer: '范晓雯', finance: '周丽', service: '钱建平' },
    retailers: [
      ['gusu', '320508', '姑苏区观前街家电行', '姑苏区观前街168号', '215005', 31.312, 120.625, '陶晓东', 60000],
      [
        'wuzhong',
        '320506',
        '吴中区木渎净水器专卖店',
        '吴中区木渎镇中山东路80号',
        '215101',
        31.262,
        120.51,
        '蔡美娟',
        40000,
        ['FINANCE', '蔡建新'],
      ],
      [
        'xiangcheng',
        '320507',
        '相城区元和厨卫电器店',
        '相城区元和街道相城大道1158号',
        '215131',
        31.37,
        120.64,
        '金永福',
        50000,
      ],
      [
        'wujiang',
        '320509',
        '吴江区松陵清泉净水店',
        '吴江区松陵镇中山南路1008号',
        '215200',
        31.15,
        120.65,
        '计红英',
        30000,
      ],
      [
        'kunshan',
        '320583',
        '昆山市玉山镇家用净水服务中心',
        '昆山市前进中路168号',
        '215300',
        31.385,
        120.96,
        '屠海峰',
        80000,
        ['ADMIN', '屠婷婷'],
      ],
    ],
  },
  {
    key: 'dist-hangzhou',
    agentKey: 'agent-east',
    city: 'hangzhou',
    cityCode: 'HZ',
    cityName: '杭州市',
    cityNameEn: 'Hangzhou',
    name: '杭州之江源环保科技有限公司',
    territory: ['330100'],
    address: {
      line1: '拱墅区莫干山路100号耀江国际大厦1105室',
      city: '杭州市',
      regionCode: '330105',
      postalCode: '310005',
      latitude: 30.283,
      longitude: 120.155,
    },
    phone: '+86 571 8716 2201',
    servicePhone: '+86 571 8716 2200',
    credit: 1500000,
    color: '#00838f',
    staff: { admin: '楼建忠', buyer: '俞佳', finance: '金美华', service: '方超' },
    retailers: [
      [
        'shangcheng',
        '330102',
        '上城区湖滨净水体验店',
        '上城区延安路258号',
        '310006',
        30.256,
        120.165,
        '章丽萍',
        120000,
        ['ADMIN', '章国良'],
      ],
      ['xihu', '330106', '西湖区文三路家电行', '西湖区文三路398号', '310013', 30.28, 120.13, '裘振宇', 60000],
      ['gongshu', '330105', '拱墅区大关厨卫电器店', '拱墅区大关路108号', '310011', 30.31, 120.15, '傅秀娟', 50000],
      [
        'binjiang',
        '330108',
        '滨江区江南大道净水专卖店',
        '滨江区江南大道228号',
        '310051',
        30.205,
        120.21,
        '俞海波',
        70000,
        ['FINANCE', '俞静'],
      ],
      [
        'xiaoshan',
        '330109',
        '萧山区城厢清泉净水服务点',
        '萧山区人民路168号',
        '311201',
        30.165,
        120.265,
        '汪建华',
        40000,
      ],
    ],
  },
  {
    key: 'dist-ningbo',
    agentKey: 'agent-east',
    city: 'ningbo',
    cityCode: 'NB',
    cityName: '宁波市',
    cityNameEn: 'Ningbo',
    name: '宁波甬清源家电服务有限公司',
    territory: ['330200'],
    address: {
      line1: '鄞州区天童南路588号宁波商会国贸中心A座1809室',
      city: '宁波市',
      regionCode: '330212',
      postalCode: '315100',
      latitude: 29.817,
      longitude: 121.552,
    },
    phone: '+86 574 8790 6601',
    servicePhone: '+86 574 8790 6600',
    credit: 800000,
    color: '#3949ab',
    staff: { admin: '应海军', buyer: '邬晓燕', finance: '胡秀芳', service: '励志刚' },
    retailers: [
      [
        'haishu',
        '330203',
        '海曙区天一广场净水专营店',
        '海曙区中山东路188号',
        '315000',
        29.87,
        121.555,
        '毛建国',
        80000,
      ],
      ['jiangbei', '330205', '江北区老外滩家电行', '江北区人民路132号', '315020', 29.885, 121.565, '董雪芬', 40000],
      [
        'yinzhou',
        '330212',
        '鄞州区四明中路厨卫电器店',
        '鄞州区四明中路999号',
        '315100',
        29.83,
        121.54,
        '史国庆',
        60000,
        ['FINANCE', '史佳慧'],
      ],
      ['beilun', '330206', '北仑区新碶净水器专卖店', '北仑区新大路1088号', '315800', 29.9, 121.845, '贺立平', 30000],
      [
        'zhenhai',
        '330211',
        '镇海区骆驼家用电器经营部',
        '镇海区骆驼街道民和路66号',
        '315202',
        29.955,
        121.625,
        '乐秀珍',
        20000,
      ],
    ],
  },
  // ----- North China -------------------------------------------------------
  {
    key: 'dist-beijing',
    agentKey: 'agent-north',
    city: 'beijing',
    cityCode: 'BJ',
    cityName: '北京市',
    cityNameEn: 'Beijing',
    name: '北京京泉环保科技有限公司',
    territory: ['110101', '110102', '110105', '110106', '110108'],
    address: {
      line1: '海淀区中关村大街27号中关村大厦1206室',
      city: '北京市',
      regionCode: '110108',
      postalCode: '100080',
      latitude: 39.983,
      longitude: 116.316,
    },
    phone: '+86 10 8261 7701',
    servicePhone: '+86 10 8261 7700',
    credit: 2000000,
    color: '#b71c1c',
    staff: { admin: '张海涛', buyer: '马丽娜', finance: '杨秀兰', service: '高鹏' },
    retailers: [
      [
        'chaoyang',
        '110105',
        '朝阳区望京净水体验店',
        '朝阳区望京街10号望京SOHO T1商业区108',
        '100102',
        39.995,
        116.48,
        '常志远',
        150000,
        ['ADMIN', '常悦'],
      ],
      ['chaoyang', '110105', '朝阳区双井家电行', '朝阳区广渠路31号', '100022', 39.895, 116.462, '白玉芬', 60000],
      [
        'haidian',
        '110108',
        '海淀区五道口厨卫电器店',
        '海淀区成府路28号',
        '100083',
        39.993,
        116.337,
        '闫立军',
        80000,
        ['FINANCE', '闫秀梅'],
      ],
      [
        'dongcheng',
        '110101',
        '东城区东直门净水专卖店',
        '东城区东直门内大街5号',
        '100007',
        39.94,
        116.425,
        '满德顺',
        50000,
      ],
      [
        'xicheng',
        '110102',
        '西城区西单家用电器商行',
        '西城区西单北大街120号',
        '100032',
        39.912,
        116.374,
        '金宝玲',
        70000,
      ],
      ['fengtai', '110106', '丰台区方庄清泉净水服务点', '丰台区方庄路9号', '100078', 39.865, 116.43, '齐国栋', 40000],
    ],
  },
  {
    key: 'dist-tianjin',
    agentKey: 'agent-north',
    city: 'tianjin',
    cityCode: 'TJ',
    cityName: '天津市',
    cityNameEn: 'Tianjin',
    name: '天津津源净水设备有限公司',
    territory: ['120101', '120103', '120104', '120116'],
    address: {
      line1: '河西区友谊路35号城市大厦1503室',
      city: '天津市',
      regionCode: '120103',
      postalCode: '300061',
      latitude: 39.102,
      longitude: 117.206,
    },
    phone: '+86 22 2338 4401',
    servicePhone: '+86 22 2338 4400',
    credit: 900000,
    color: '#ad1457',
    staff: { admin: '边志勇', buyer: '穆晓红', finance: '刘淑珍', service: '于洪亮' },
    retailers: [
      ['heping', '120101', '和平区滨江道家电行', '和平区滨江道208号', '300022', 39.12, 117.195, '郝建华', 50000],
      [
        'hexi',
        '120103',
        '河西区友谊南路净水专卖店',
        '河西区友谊南路18号',
        '300204',
        39.085,
        117.215,
        '尹淑琴',
        40000,
        ['ADMIN', '尹浩'],
      ],
      ['nankai', '120104', '南开区鞍山西道厨卫电器店', '南开区鞍山西道301号', '300192', 39.13, 117.17, '霍立新', 30000],
      [
        'binhai',
        '120116',
        '滨海新区塘沽清源净水服务点',
        '滨海新区塘沽解放路668号',
        '300450',
        39.02,
        117.65,
        '葛振江',
        60000,
      ],
      [
        'binhai',
        '120116',
        '滨海新区开发区净水体验店',
        '滨海新区第三大街51号',
        '300457',
        39.04,
        117.71,
        '商丽娜',
        80000,
        ['FINANCE', '商建伟'],
      ],
    ],
  },
  {
    key: 'dist-jinan',
    agentKey: 'agent-north',
    city: 'jinan',
    cityCode: 'JN',
    cityName: '济南市',
    cityNameEn: 'Jinan',
    name: '济南泉城清源商贸有限公司',
    territory: ['370100'],
    address: {
      line1: '历下区泺源大街150号中信广场1210室',
      city: '济南市',
      regionCode: '370102',
      postalCode: '250011',
      latitude: 36.664,
      longitude: 117.026,
    },
    phone: '+86 531 8609 5501',
    servicePhone: '+86 531 8609 5500',
    credit: 800000,
    color: '#e65100',
    staff: { admin: '孔令军', buyer: '田晓雪', finance: '崔玉梅', service: '宋伟' },
    retailers: [
      [
        'lixia',
        '370102',
        '历下区泉城路净水专营店',
        '历下区泉城路180号',
        '250011',
        36.665,
        117.02,
        '房立国',
        70000,
        ['ADMIN', '房晓彤'],
      ],
      ['shizhong', '370103', '市中区经四路家电行', '市中区经四路268号', '250001', 36.66, 116.99, '逯桂香', 40000],
      ['huaiyin', '370104', '槐荫区经十路厨卫电器店', '槐荫区经十路22799号', '250022', 36.65, 116.91, '亓振东', 30000],
      [
        'tianqiao',
        '370105',
        '天桥区北园大街净水专卖店',
        '天桥区北园大街469号',
        '250033',
        36.69,
        117.0,
        '吕秀云',
        50000,
      ],
      [
        'licheng',
        '370112',
        '历城区洪家楼清源净水服务点',
        '历城区洪家楼南路6号',
        '250100',
        36.685,
        117.067,
        '韩庆春',
        25000,
      ],
    ],
  },
  {
    key: 'dist-qingdao',
    agentKey: 'agent-north',
    city: 'qingdao',
    cityCode: 'QD',
    cityName: '青岛市',
    cityNameEn: 'Qingdao',
    name: '青岛海清源环境科技有限公司',
    territory: ['370200'],
    address: {
      line1: '市南区香港中路61号远洋大厦A座1508室',
      city: '青岛市',
      regionCode: '370202',
      postalCode: '266071',
      latitude: 36.064,
      longitude: 120.39,
    },
    phone: '+86 532 8577 2201',
    servicePhone: '+86 532 8577 2200',
    credit: 1000000,
    color: '#0277bd',
    staff: { admin: '隋海龙', buyer: '姜晓丽', finance: '曲慧敏', service: '鞠国栋' },
    retailers: [
      [
        'shinan',
        '370202',
        '市南区香港中路净水体验店',
        '市南区香港中路10号',
        '266071',
        36.065,
        120.38,
        '王德胜',
        90000,
        ['FINANCE', '王璐'],
      ],
      ['shibei', '370203', '市北区台东家电行', '市北区台东三路88号', '266011', 36.085, 120.355, '修玉珍', 50000],
      ['laoshan', '370212', '崂山区海尔路厨卫电器店', '崂山区海尔路182号', '266061', 36.1, 120.455, '臧振海', 60000],
      ['licang', '370213', '李沧区李村净水专卖店', '李沧区京口路66号', '266041', 36.15, 120.43, '栾淑华', 30000],
      [
        'huangdao',
        '370211',
        '黄岛区长江路清源净水服务点',
        '黄岛区长江中路228号',
        '266555',
        35.96,
        120.19,
        '矫建军',
        40000,
        ['ADMIN', '矫媛'],
      ],
    ],
  },
];

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

function money(amount: number): string {
  return `${amount}.00`;
}

const MOBILE_PREFIXES = [
  '138',
  '139',
  '137',
  '136',
  '135',
  '158',
  '159',
  '186',
  '188',
  '189',
  '150',
  '151',
  '177',
  '180',
];

/** Deterministic, realistically formatted mobile number for the n-th retailer. */
function mobile(n: number): string {
  const prefix = MOBILE_PREFIXES[n % MOBILE_PREFIXES.length];
  const mid = String(1000 + ((n * 4217 + 311) % 9000));
  const tail = String(1000 + ((n * 7919 + 2027) % 9000));
  return `+86 ${prefix} ${mid} ${tail}`;
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

const distributorAccounts: DemoAccount[] = [];
const distributorUsers: DemoUser[] = [];
const retailerAccounts: DemoAccount[] = [];
const retailerUsers: DemoUser[] = [];

let retailerSerial = 0;
for (const d of distributorSpecs) {
  distributorAccounts.push({
    key: d.key,
    parentKey: d.agentKey,
    name: d.name,
    tier: 'DISTRIBUTOR',
    code: `QY-D-${d.cityCode}`,
    territory: d.territory,
    address: d.address,
    contact: { name: d.staff.admin, phone: d.phone, email: `admin@${d.key}.example` },
    creditLimit: money(d.credit),
    servicePhone: d.servicePhone,
    portal: {
      slug: `${d.city}-qingyuan`,
      displayName: `清源净水 · ${d.cityName.replace(/市$/, '')}服务中心`,
      logoUrl: `/assets/logos/${d.city}.svg`,
      primaryColor: d.color,
      welcomeText: `欢迎访问清源净水${d.cityName.replace(/市$/, '')}服务中心：在线订货、安装预约与售后服务。Qingyuan Water ${d.cityNameEn} service centre: ordering, installation and after-sales.`,
    },
  });

  distributorUsers.push(
    { email: `admin@${d.key}.example`, name: d.staff.admin, roles: ['ADMIN'], accountKey: d.key },
    { email: `buyer@${d.key}.example`, name: d.staff.buyer, roles: ['BUYER'], accountKey: d.key },
    { email: `finance@${d.key}.example`, name: d.staff.finance, roles: ['FINANCE'], accountKey: d.key },
    { email: `service@${d.key}.example`, name: d.staff.service, roles: ['SERVICE'], accountKey: d.key },
  );
  if (d.staff.analyst) {
    distributorUsers.push({
      email: `analyst@${d.key}.example`,
      name: d.staff.analyst,
      roles: ['ANALYST'],
      accountKey: d.key,
    });
  }

  const perDistrict = new Map<string, number>();
  d.retailers.forEach((row, i) => {
    const [district, regionCode, name, line1, postalCode, latitude, longitude, buyer, credit, second] = row;
    const n = (perDistrict.get(district) ?? 0) + 1;
    perDistrict.set(district, n);
    const key = `ret-${d.city}-${district}-${n}`;
    retailerSerial += 1;
    retailerAccounts.push({
      key,
      parentKey: d.key,
      name,
      tier: 'RETAILER',
      code: `QY-R-${d.cityCode}-${pad3(i + 1)}`,
      territory: [],
      address: { line1, city: d.cityName, regionCode, postalCode, latitude, longitude },
      contact: { name: buyer, phone: mobile(retailerSerial), email: `buyer@${key}.example` },
      creditLimit: money(credit),
      servicePhone: null,
      portal: null,
    });
    retailerUsers.push({ email: `buyer@${key}.example`, name: buyer, roles: ['BUYER'], accountKey: key });
    if (second) {
      const [role, personName] = second;
      retailerUsers.push({
        email: `${role.toLowerCase()}@${key}.example`,
        name: personName,
        roles: [role],
        accountKey: key,
      });
    }
  });
}

const agentUsers: DemoUser[] = agentSpecs.flatMap(({ account, staff }) => [
  { email: `admin@${account.key}.example`, name: staff.admin, roles: ['ADMIN'] as DemoRole[], accountKey: account.key },
  { email: `buyer@${account.key}.example`, name: staff.buyer, roles: ['BUYER'] as DemoRole[], accountKey: account.key },
  {
    email: `finance@${account.key}.example`,
    name: staff.finance,
    roles: ['FINANCE'] as DemoRole[],
    accountKey: account.key,
  },
  {
    email: `analyst@${account.key}.example`,
    name: staff.analyst,
    roles: ['ANALYST'] as DemoRole[],
    accountKey: account.key,
  },
]);

// ---------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------

/** Ordered so that every parent precedes its children: brand, agents, distributors, retailers. */
export const demoAccounts: DemoAccount[] = [
  brand,
  ...agentSpecs.map((a) => a.account),
  ...distributorAccounts,
  ...retailerAccounts,
];

/** The memorable demo logins, listed first. */
const FEATURED_LOGINS = [
  'admin@qingyuan.example',
  'admin@agent-south.example',
  'admin@dist-shenzhen.example',
  'buyer@dist-shenzhen.example',
  'service@dist-shenzhen.example',
  'buyer@ret-shenzhen-futian-1.example',
];

const allUsers: DemoUser[] = [...brandUsers, ...agentUsers, ...distributorUsers, ...retailerUsers];

export const demoUsers: DemoUser[] = [
  ...FEATURED_LOGINS.map((email) => {
    const user = allUsers.find((u) => u.email === email);
    if (!user) throw new Error(`demo-data: featured login ${email} is missing`);
    return user;
  }),
  ...allUsers.filter((u) => !FEATURED_LOGINS.includes(u.email)),
];
