// Region cues (spec §8.3), strongest first: collection sidecar, 网站标识码 (first 6 digits = division code of the
// hosting portal), 公网安备 prefix, ICP province abbreviation, place-name chain, address, postcode, phone area code.

import type { Meta } from '../../model/report.ts';
import type { Sidecar } from '../../model/sidecar.ts';
import { placeChain } from './agency.ts';

type Region = Meta['region'];
type Cue = Region['cues'][number];

const SITE_ID_RE = /(?:网站标识码|SiteIDCode)\s*[:：]?\s*(\d{10})/i;
const POLICE_RE = /公网安备\s*(\d{14})/;
const ICP_RE = /([京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新])ICP[备证]/;
const ICP_PROVINCES: Record<string, string> = {
  京: '北京市', 津: '天津市', 沪: '上海市', 渝: '重庆市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省',
  吉: '吉林省', 黑: '黑龙江省', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省',
  豫: '河南省', 鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 川: '四川省', 蜀: '四川省',
  贵: '贵州省', 黔: '贵州省', 云: '云南省', 滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 秦: '陕西省', 甘: '甘肃省',
  陇: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区',
};
/** Area codes: 010 and 02X are three digits, the rest four. */
const AREA_CODE_RE = /^(0(?:10|2\d|[3-9]\d{2}))-/;
const PARENT_SUFFIX_RE = /(?:省|自治区|市|自治州|州|地区|盟|县|区|旗)$/;
const MAX_PARENTS = 3;

export interface RegionInput {
  sidecar: Sidecar | null;
  /** Chrome and footer lines (网站标识码, 公网安备, ICP). */
  chrome: readonly string[];
  /** Body text, squeezed (for parents of the agency's first place: "淮安市洪泽区"). */
  text: string;
  places: readonly string[];
  address: string | null;
  postcode: string | null;
  phones: readonly string[];
  urls: readonly string[];
}

const MAX_PLACE_CHARS = 5;

/** A CJK unified ideograph (U+4E00–U+9FFF), tested on the code without making a string of the character. */
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const MAX_RUN = 8;

/**
 * Parent places printed right before the chain's first place ("地址:吉林市昌邑区…" → 吉林市 before 昌邑区). Only a
 * run of CJK that starts at a boundary and reads entirely as short place names counts ("请联系昌邑区" does not).
 */
function parents(text: string, first: string): string[] {
  const out: string[] = [];
  let head = first;
  while (out.length < MAX_PARENTS) {
    let found: string[] | null = null;
    for (let at = text.indexOf(head); at >= 0 && !found; at = text.indexOf(head, at + head.length)) {
      let start = at;
      while (start > 0 && at - start < MAX_RUN && isCjk(text.charCodeAt(start - 1))) start--;
      if (at - start < 2 || (start > 0 && isCjk(text.charCodeAt(start - 1)))) continue;
      const chain = placeChain(text.slice(start, at));
      if (chain.rest === '' && chain.places.every((p) => p.length <= MAX_PLACE_CHARS && PARENT_SUFFIX_RE.test(p))) found = chain.places;
    }
    if (!found || found.some((p) => out.includes(p))) break;
    out.unshift(...found);
    head = found[0]!;
  }
  return out;
}

const ROAD_RE = /^[东西南北中]?(?:路|街|大街|大道|巷|弄|号)/;

/** Places at the start of an address, stopping at a street name that ends like a place ("苏州东路"). */
function addressChain(address: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const p of placeChain(address).places) {
    const at = address.indexOf(p, pos);
    if (at < 0 || ROAD_RE.test(address.slice(at + p.length))) break;
    out.push(p);
    pos = at + p.length;
  }
  return out;
}

export function extractRegion(input: RegionInput): Region {
  const cues: Cue[] = [];
  const { sidecar } = input;
  if (sidecar?.region_code) cues.push({ kind: 'sidecar', raw: sidecar.region_code, value: sidecar.region_code });
  if (sidecar?.region_hint) cues.push({ kind: 'sidecar', raw: sidecar.region_hint.join(' '), value: sidecar.region_hint.join('›') });
  const chrome = input.chrome.join('\n');
  const site = SITE_ID_RE.exec(chrome);
  if (site) cues.push({ kind: 'site_id', raw: site[0], value: site[1]!.slice(0, 6) });
  const police = POLICE_RE.exec(chrome);
  if (police) cues.push({ kind: 'police_record', raw: police[0], value: police[1]!.slice(0, 6) });
  const icp = ICP_RE.exec(chrome);
  if (icp) cues.push({ kind: 'icp', raw: icp[0], value: ICP_PROVINCES[icp[1]!]! });

  const chain = input.places.length ? [...parents(input.text, input.places[0]!), ...input.places] : [];
  if (chain.length) cues.push({ kind: 'name_chain', raw: chain.join(''), value: chain.join('›') });
  if (input.address) {
    const addressPlaces = addressChain(input.address);
    if (addressPlaces.length) cues.push({ kind: 'address', raw: input.address, value: addressPlaces.join('›') });
  }
  if (input.postcode) cues.push({ kind: 'postcode', raw: input.postcode, value: input.postcode.slice(0, 2) });
  for (const p of input.phones) {
    const area = AREA_CODE_RE.exec(p);
    if (area) {
      cues.push({ kind: 'phone_area', raw: p, value: area[1]! });
      break;
    }
  }
  for (const u of input.urls) {
    const host = /^(?:https?:\/\/)?([A-Za-z0-9.-]+\.gov\.cn)\b/i.exec(u)?.[1];
    if (host && !cues.some((c) => c.kind === 'url_host' && c.value === host.toLowerCase())) cues.push({ kind: 'url_host', raw: u, value: host.toLowerCase() });
  }

  const code_hint = sidecar?.region_code ?? site?.[1]?.slice(0, 6) ?? police?.[1]?.slice(0, 6) ?? null;
  return { code_hint, path_hint: sidecar?.region_hint ?? chain, cues };
}
