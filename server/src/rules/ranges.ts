/** The smallest thing to change, as offsets: an element's name, a value, a whole attribute. */
import { XmlAttribute } from '../model/xmlScanner';
import { XmlElement } from '../model/xmlTree';

export interface Span {
  start: number;
  end: number;
}

export function nameSpan(el: Pick<XmlElement, 'nameStart' | 'nameEnd'>): Span {
  return { start: el.nameStart, end: el.nameEnd };
}

export function valueSpan(a: XmlAttribute): Span {
  return a.valueStart >= 0 ? { start: a.valueStart, end: a.valueEnd } : { start: a.nameStart, end: a.nameEnd };
}

/** Name, `=`, and the quoted value. */
export function attributeSpan(a: XmlAttribute): Span {
  return { start: a.nameStart, end: a.valueStart >= 0 ? a.valueEnd + 1 : a.nameEnd };
}
