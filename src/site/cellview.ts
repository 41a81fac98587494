import type { Cell } from '../model/cell.ts';
import { formatLoc } from '../model/location.ts';
import { fmt } from './format.ts';
import { STATES } from './labels.ts';

export interface CellView { state: string; text: string; title: string }

/** What a data cell shows: the value or the printed marker, plus a tooltip with raw text, state and location. */
export function cellView(cell: Cell | undefined): CellView {
  if (!cell) return { state: 'absent', text: STATES.absent.mark, title: `${STATES.absent.zh} (${STATES.absent.en})` };
  const s = STATES[cell.state];
  const text =
    cell.state === 'num' || cell.state === 'inferred' ? fmt(cell.value)
    : cell.state === 'zero_word' || cell.state === 'text' ? cell.raw || fmt(cell.value)
    : cell.state === 'dash' || cell.state === 'slash' ? cell.raw || s.mark
    : s.mark;
  const parts = [`${s.zh} (${s.en})`];
  if (cell.raw && cell.raw !== text) parts.push(`原文 raw: ${cell.raw}`);
  if (cell.unit) parts.push(`单位 unit: ${cell.unit}`);
  if (cell.state === 'inferred') parts.push(`规则 rule: ${cell.inferred_from ?? '?'}${cell.was ? `; 原为 was: ${STATES[cell.was].zh}` : ''}`);
  const loc = formatLoc(cell.loc);
  if (loc) parts.push(`位置 at ${loc}`);
  return { state: cell.state, text, title: parts.join(' · ') };
}
