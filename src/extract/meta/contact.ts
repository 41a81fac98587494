// Contact details stated in the report (spec §8.1): "电话：0435-3858588，邮政编码：134100，电子邮箱：…，地址：…".
// Reads squeezed prose (joinProse), where NFKC has already made ，：；（） ASCII.

import type { Meta } from '../../model/report.ts';

type Contact = Meta['contact'];

const SEP = String.raw`\s*[:：]\s*`;
const PHONE_SRC = String.raw`(?:\(?0\d{2,3}\)?\s*(?:[-—–－]{1,2}|\s)?\s*)?\d{7,8}(?:\s*(?:转|-)\s*\d{1,5})?|\d{11,12}`;
const PHONE_KEY_RE = new RegExp(
  String.raw`(?<![传真])(?:咨询|联系|办公|服务|监督|举报)?电\s*话(?:\s*[/、]?\s*传\s*真|\(传真\)|（传真）)?${SEP}((?:${PHONE_SRC})(?:\s*(?:[、/,，]|或)\s*(?:${PHONE_SRC}))*)`,
  'g',
);
const PHONE_RE = new RegExp(PHONE_SRC, 'g');
const FAX_RE = new RegExp(String.raw`传\s*真(?:电话)?${SEP}(${PHONE_SRC})`);
const POSTCODE_RE = new RegExp(String.raw`邮\s*(?:政\s*)?编(?:\s*码)?${SEP}(\d{6})(?!\d)`);
const EMAIL_SRC = String.raw`[A-Za-z0-9._%+-]+\s*[@＠]\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`;
const EMAIL_KEY_RE = new RegExp(String.raw`(?:电子邮箱|电子信箱|电子邮件|邮箱|信箱|E-?mail)${SEP}(${EMAIL_SRC})`, 'i');
const EMAIL_RE = new RegExp(EMAIL_SRC);
const ADDRESS_RE = new RegExp(String.raw`(?:办公|通信|通讯|联系|单位)?地\s*址${SEP}([^,，;；)）。\n]{2,60})`);
const OFFICE_RES = [
  /请与([^,，;；。()（）\n]{2,40}?)联系/,
  /请联系([^,，;；。()（）\n]{2,40}?)(?=[,，;；。()（）\n]|$)/,
  /联系人[:：]\s*([^,，;；。()（）\n]{2,20})/,
];
/** Site footers carry the website's phone, not the report's. */
const FOOTER_RE = /主办单位|承办单位|网站标识码|ICP|技术支持|网站制作|版权所有/;

/** Phone as printed, with the dash variants ("0763—5826518", "0564--3374099") made one ASCII hyphen. */
function cleanPhone(p: string): string {
  return p.replace(/\s+/g, '').replace(/[—–－]+|-{2,}/g, '-').replace(/^\((0\d{2,3})\)-?/, '$1-');
}

function officeOf(prose: string): string | null {
  for (const re of OFFICE_RES) {
    const m = re.exec(prose);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** Each pattern needs its keyword; most texts lack most keywords, and a substring search is cheaper than the pattern. */
const firstMatch = (re: RegExp, cue: string, text: string) => (text.includes(cue) ? re.exec(text) : null);

export function extractContact(text: string): Contact {
  const prose = FOOTER_RE.test(text)
    ? text
        .split('\n')
        .filter((l) => !FOOTER_RE.test(l))
        .join('\n')
    : text;
  const phone: string[] = [];
  let fax: string | null = null;
  if (prose.includes('话')) {
    for (const m of prose.matchAll(PHONE_KEY_RE)) {
      const numbers = [...m[1]!.matchAll(PHONE_RE)].map((p) => cleanPhone(p[0]));
      for (const n of numbers) if (!phone.includes(n)) phone.push(n);
      // "电话/传真：…", "电话（传真）：…": the same number serves both.
      if (/传真/.test(m[0].slice(0, m[0].indexOf(m[1]!)))) fax ??= numbers[0] ?? null;
    }
  }
  const faxMatch = firstMatch(FAX_RE, '真', prose);
  if (faxMatch) fax = cleanPhone(faxMatch[1]!);
  const hasAt = prose.includes('@') || prose.includes('＠');
  const email = hasAt ? ((EMAIL_KEY_RE.exec(prose)?.[1] ?? EMAIL_RE.exec(prose)?.[0] ?? null)?.replace(/\s+/g, '').replace('＠', '@') ?? null) : null;
  const address = firstMatch(ADDRESS_RE, '址', prose)?.[1]?.trim() ?? null;
  return {
    phone,
    fax,
    postcode: firstMatch(POSTCODE_RE, '编', prose)?.[1] ?? null,
    email,
    address,
    office: prose.includes('联系') ? officeOf(prose) : null,
  };
}
