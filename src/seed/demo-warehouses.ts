/**
 * Demo warehouses of the 清源净水 Qingyuan Water channel (accounts in ./demo-data.ts).
 *
 * - The brand: a central distribution centre at its Shunde (Foshan) base plus
 *   regional DCs near Shanghai and Tianjin.
 * - Each general agent: one regional distribution centre.
 * - Each distributor: one partner warehouse in its city.
 *
 * `coverage` null means the owner's whole territory. Every region code is a
 * key of src/modules/regions/gbt2260.json and lies inside the owner's
 * territory. Pure data: no imports, no randomness, no clock.
 */

export interface DemoWarehouse {
  ownerKey: string;
  name: string;
  kind: 'CENTRAL' | 'REGIONAL' | 'PARTNER';
  address: {
    line1: string;
    city: string;
    regionCode: string;
    postalCode: string;
    latitude: number;
    longitude: number;
  };
  /** Region codes it delivers to; null = the owner's territory. */
  coverage: string[] | null;
}

export const demoWarehouses: DemoWarehouse[] = [
  // ----- Brand ---------------------------------------------------------------
  {
    ownerKey: 'brand',
    name: '清源净水顺德中央仓 Shunde Central DC',
    kind: 'CENTRAL',
    address: {
      line1: '顺德区北滘镇工业大道28号清源净水智造园',
      city: '佛山市',
      regionCode: '440606',
      postalCode: '528311',
      latitude: 22.905,
      longitude: 113.205,
    },
    coverage: null,
  },
  {
    ownerKey: 'brand',
    name: '清源净水华东区域仓（上海嘉定） East China RDC',
    kind: 'REGIONAL',
    address: {
      line1: '嘉定区马陆镇宝安公路2999号嘉定物流园7号库',
      city: '上海市',
      regionCode: '310114',
      postalCode: '201801',
      latitude: 31.338,
      longitude: 121.267,
    },
    coverage: ['310000', '320000', '330000', '340000', '350000', '360000'],
  },
  {
    ownerKey: 'brand',
    name: '清源净水华北区域仓（天津武清） North China RDC',
    kind: 'REGIONAL',
    address: {
      line1: '武清区京滨工业园京滨睿城12号',
      city: '天津市',
      regionCode: '120114',
      postalCode: '301700',
      latitude: 39.459,
      longitude: 116.993,
    },
    coverage: ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '370000', '410000'],
  },
  // ----- General agents ------------------------------------------------------
  {
    ownerKey: 'agent-south',
    name: '粤泉华南分拨中心（广州白云） South China DC',
    kind: 'REGIONAL',
    address: {
      line1: '白云区太和镇广从一路388号白云物流园B3仓',
      city: '广州市',
      regionCode: '440111',
      postalCode: '510540',
      latitude: 23.302,
      longitude: 113.356,
    },
    coverage: null,
  },
  {
    ownerKey: 'agent-east',
    name: '沪清源华东分拨中心（上海青浦） East China DC',
    kind: 'REGIONAL',
    address: {
      line1: '青浦区华新镇华志路1688号青浦物流园4号库',
      city: '上海市',
      regionCode: '310118',
      postalCode: '201708',
      latitude: 31.238,
      longitude: 121.188,
    },
    coverage: null,
  },
  {
    ownerKey: 'agent-north',
    name: '京源泰华北分拨中心（廊坊安次） North China DC',
    kind: 'REGIONAL',
    address: {
      line1: '安次区龙河高新区龙河大道66号',
      city: '廊坊市',
      regionCode: '131002',
      postalCode: '065000',
      latitude: 39.486,
      longitude: 116.652,
    },
    coverage: null,
  },
  // ----- Distributors --------------------------------------------------------
  {
    ownerKey: 'dist-guangzhou',
    name: '穗源番禺服务仓 Guangzhou Panyu depot',
    kind: 'PARTNER',
    address: {
      line1: '番禺区南村镇兴业大道东段88号3栋',
      city: '广州市',
      regionCode: '440113',
      postalCode: '511442',
      latitude: 23.003,
      longitude: 113.382,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-shenzhen',
    name: "鹏泉宝安服务仓 Shenzhen Bao'an depot",
    kind: 'PARTNER',
    address: {
      line1: '宝安区福永街道福海工业区B栋1楼',
      city: '深圳市',
      regionCode: '440306',
      postalCode: '518103',
      latitude: 22.676,
      longitude: 113.823,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-foshan',
    name: '禅泉南海服务仓 Foshan Nanhai depot',
    kind: 'PARTNER',
    address: {
      line1: '南海区里水镇和顺物流园3号仓',
      city: '佛山市',
      regionCode: '440605',
      postalCode: '528244',
      latitude: 23.166,
      longitude: 113.151,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-nanning',
    name: '邕清源江南服务仓 Nanning Jiangnan depot',
    kind: 'PARTNER',
    address: {
      line1: '江南区沙井大道安吉物流园C区12号',
      city: '南宁市',
      regionCode: '450105',
      postalCode: '530031',
      latitude: 22.776,
      longitude: 108.268,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-haikou',
    name: '椰泉美兰服务仓 Haikou Meilan depot',
    kind: 'PARTNER',
    address: {
      line1: '美兰区灵山镇桂林洋物流园6号库',
      city: '海口市',
      regionCode: '460108',
      postalCode: '571127',
      latitude: 20.018,
      longitude: 110.512,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-shanghai',
    name: '申源浦江服务仓 Shanghai Pujiang depot',
    kind: 'PARTNER',
    address: {
      line1: '闵行区浦江镇联航路1188号浦江智谷10号楼',
      city: '上海市',
      regionCode: '310112',
      postalCode: '201112',
      latitude: 31.058,
      longitude: 121.516,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-nanjing',
    name: '金陵清泉江宁服务仓 Nanjing Jiangning depot',
    kind: 'PARTNER',
    address: {
      line1: '江宁区秣陵街道蓝霞路18号',
      city: '南京市',
      regionCode: '320115',
      postalCode: '211106',
      latitude: 31.902,
      longitude: 118.803,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-suzhou',
    name: '吴源吴中服务仓 Suzhou Wuzhong depot',
    kind: 'PARTNER',
    address: {
      line1: '吴中经济开发区尹中南路888号',
      city: '苏州市',
      regionCode: '320506',
      postalCode: '215124',
      latitude: 31.243,
      longitude: 120.661,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-hangzhou',
    name: '之江源余杭服务仓 Hangzhou Yuhang depot',
    kind: 'PARTNER',
    address: {
      line1: '余杭区仁和街道仁河大道35号',
      city: '杭州市',
      regionCode: '330110',
      postalCode: '311107',
      latitude: 30.403,
      longitude: 120.093,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-ningbo',
    name: '甬清源鄞州服务仓 Ningbo Yinzhou depot',
    kind: 'PARTNER',
    address: {
      line1: '鄞州区姜山镇明光北路1188号',
      city: '宁波市',
      regionCode: '330212',
      postalCode: '315191',
      latitude: 29.683,
      longitude: 121.548,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-beijing',
    name: '京泉丰台服务仓 Beijing Fengtai depot',
    kind: 'PARTNER',
    address: {
      line1: '丰台区花乡新发地物流园B区8号库',
      city: '北京市',
      regionCode: '110106',
      postalCode: '100070',
      latitude: 39.812,
      longitude: 116.362,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-tianjin',
    name: '津源滨海服务仓 Tianjin Binhai depot',
    kind: 'PARTNER',
    address: {
      line1: '滨海新区空港经济区东九道99号',
      city: '天津市',
      regionCode: '120116',
      postalCode: '300308',
      latitude: 39.132,
      longitude: 117.398,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-jinan',
    name: '泉城清源历城服务仓 Jinan Licheng depot',
    kind: 'PARTNER',
    address: {
      line1: '历城区唐冶街道工业南路物流园5号库',
      city: '济南市',
      regionCode: '370112',
      postalCode: '250103',
      latitude: 36.701,
      longitude: 117.193,
    },
    coverage: null,
  },
  {
    ownerKey: 'dist-qingdao',
    name: '海清源城阳服务仓 Qingdao Chengyang depot',
    kind: 'PARTNER',
    address: {
      line1: '城阳区流亭街道双元路18号',
      city: '青岛市',
      regionCode: '370214',
      postalCode: '266108',
      latitude: 36.268,
      longitude: 120.374,
    },
    coverage: null,
  },
];
