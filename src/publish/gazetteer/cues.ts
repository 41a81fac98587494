import { gazetteer, type Division } from './data.ts';

// Weak region cues (spec §8.3 item 5): postcode → province, telephone area code → prefecture. No registry package
// carries these tables, so they are kept here: the postcode table is complete at province level; the area-code
// table lists only codes we are sure of (provincial capitals, shared codes, the places in the corpus). An
// unknown area code is simply no cue.

/** First two digits of a postcode → province. */
const POSTCODE_PROVINCE: Record<string, string> = {
  '01': '内蒙古自治区', '02': '内蒙古自治区', '03': '山西省', '04': '山西省', '05': '河北省', '06': '河北省', '07': '河北省',
  '10': '北京市', '11': '辽宁省', '12': '辽宁省', '13': '吉林省', '15': '黑龙江省', '16': '黑龙江省', '20': '上海市',
  '21': '江苏省', '22': '江苏省', '23': '安徽省', '24': '安徽省', '25': '山东省', '26': '山东省', '27': '山东省', '30': '天津市',
  '31': '浙江省', '32': '浙江省', '33': '江西省', '34': '江西省', '35': '福建省', '36': '福建省', '40': '重庆市', '41': '湖南省',
  '42': '湖南省', '43': '湖北省', '44': '湖北省', '45': '河南省', '46': '河南省', '47': '河南省', '51': '广东省', '52': '广东省',
  '53': '广西壮族自治区', '54': '广西壮族自治区', '55': '贵州省', '56': '贵州省', '57': '海南省', '61': '四川省', '62': '四川省',
  '63': '四川省', '64': '四川省', '65': '云南省', '66': '云南省', '67': '云南省', '71': '陕西省', '72': '陕西省', '73': '甘肃省',
  '74': '甘肃省', '75': '宁夏回族自治区', '81': '青海省', '83': '新疆维吾尔自治区', '84': '新疆维吾尔自治区', '85': '西藏自治区',
  '86': '西藏自治区',
};

/** Area code → [province, prefecture…] (several prefectures share one code since the 2000s mergers: 029, 0731). */
const AREA_CODES: Record<string, string[]> = {
  '010': ['北京市'], '021': ['上海市'], '022': ['天津市'], '023': ['重庆市'], '0898': ['海南省'],
  '020': ['广东省', '广州市'], '024': ['辽宁省', '沈阳市'], '025': ['江苏省', '南京市'], '027': ['湖北省', '武汉市'],
  '028': ['四川省', '成都市'], '029': ['陕西省', '西安市', '咸阳市'], '0311': ['河北省', '石家庄市'], '0351': ['山西省', '太原市'],
  '0356': ['山西省', '晋城市'], '0371': ['河南省', '郑州市'], '0411': ['辽宁省', '大连市'], '0431': ['吉林省', '长春市'],
  '0432': ['吉林省', '吉林市'], '0433': ['吉林省', '延边朝鲜族自治州'], '0434': ['吉林省', '四平市'], '0435': ['吉林省', '通化市'],
  '0436': ['吉林省', '白城市'], '0437': ['吉林省', '辽源市'], '0438': ['吉林省', '松原市'], '0439': ['吉林省', '白山市'],
  '0451': ['黑龙江省', '哈尔滨市'], '0452': ['黑龙江省', '齐齐哈尔市'], '0453': ['黑龙江省', '牡丹江市'], '0454': ['黑龙江省', '佳木斯市'],
  '0471': ['内蒙古自治区', '呼和浩特市'], '0510': ['江苏省', '无锡市'], '0511': ['江苏省', '镇江市'], '0512': ['江苏省', '苏州市'],
  '0513': ['江苏省', '南通市'], '0514': ['江苏省', '扬州市'], '0515': ['江苏省', '盐城市'], '0516': ['江苏省', '徐州市'],
  '0517': ['江苏省', '淮安市'], '0518': ['江苏省', '连云港市'], '0519': ['江苏省', '常州市'], '0523': ['江苏省', '泰州市'],
  '0527': ['江苏省', '宿迁市'], '0531': ['山东省', '济南市'], '0532': ['山东省', '青岛市'], '0631': ['山东省', '威海市'],
  '0551': ['安徽省', '合肥市'], '0571': ['浙江省', '杭州市'], '0574': ['浙江省', '宁波市'], '0591': ['福建省', '福州市'],
  '0592': ['福建省', '厦门市'], '0712': ['湖北省', '孝感市'], '0730': ['湖南省', '岳阳市'], '0731': ['湖南省', '长沙市', '株洲市', '湘潭市'],
  '0755': ['广东省', '深圳市'], '0756': ['广东省', '珠海市'], '0757': ['广东省', '佛山市'], '0759': ['广东省', '湛江市'],
  '0760': ['广东省', '中山市'], '0769': ['广东省', '东莞市'], '0771': ['广西壮族自治区', '南宁市'], '0791': ['江西省', '南昌市'],
  '0795': ['江西省', '宜春市'], '0851': ['贵州省', '贵阳市'], '0871': ['云南省', '昆明市'], '0891': ['西藏自治区', '拉萨市'],
  '0915': ['陕西省', '安康市'], '0931': ['甘肃省', '兰州市'], '0951': ['宁夏回族自治区', '银川市'], '0971': ['青海省', '西宁市'],
  '0991': ['新疆维吾尔自治区', '乌鲁木齐市'],
};

function province(name: string): Division | null {
  return gazetteer().byName.get(name)?.find((d) => d.level === 'province') ?? null;
}

export function provinceOfPostcode(prefix: string): Division | null {
  const name = POSTCODE_PROVINCE[prefix.slice(0, 2)];
  return name ? province(name) : null;
}

/** The prefectures (or the province, for one-code provinces and municipalities) an area code covers. */
export function divisionsOfAreaCode(code: string): Division[] {
  const entry = AREA_CODES[code];
  if (!entry) return [];
  const p = province(entry[0]!);
  if (!p) return [];
  if (entry.length === 1) return [p];
  const g = gazetteer();
  return entry.slice(1).flatMap((name) => g.byName.get(name)?.filter((d) => d.level === 'prefecture' && d.parent === p) ?? []);
}

export function provinceByName(name: string): Division | null {
  return province(name);
}
