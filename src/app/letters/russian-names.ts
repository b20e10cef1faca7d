import { cyrillicSpelling } from '../../domain/text/cyrillic-spelling.js';
import { parseEnglishUnit, type UnitAdjectiveKey, type UnitNounKey } from './english-unit-name.js';

/**
 * Names a Russian letter prints in Cyrillic when the source gave them in English: unit
 * designations ("Fifth company" → "5-я рота"), regions ("Donetsk Oblast" → "Донецкая область")
 * and other names by their Russian reading.
 */
// Unit nouns with the gender the ordinal's ending follows.
const UNIT_NOUNS: Record<UnitNounKey, { ru: string; gender: 'masc' | 'femn' }> = {
  company: { ru: 'рота', gender: 'femn' },
  platoon: { ru: 'взвод', gender: 'masc' },
  battalion: { ru: 'батальон', gender: 'masc' },
  regiment: { ru: 'полк', gender: 'masc' },
  brigade: { ru: 'бригада', gender: 'femn' },
  division: { ru: 'дивизия', gender: 'femn' },
  army: { ru: 'армия', gender: 'femn' },
  corps: { ru: 'корпус', gender: 'masc' },
  detachment: { ru: 'отряд', gender: 'masc' },
};
const UNIT_ADJECTIVES: Record<UnitAdjectiveKey, { masc: string; femn: string }> = {
  separate: { masc: 'отдельный', femn: 'отдельная' },
  guards: { masc: 'гвардейский', femn: 'гвардейская' },
  'motorized rifle': { masc: 'мотострелковый', femn: 'мотострелковая' },
  'motor rifle': { masc: 'мотострелковый', femn: 'мотострелковая' },
  tank: { masc: 'танковый', femn: 'танковая' },
  airborne: { masc: 'десантный', femn: 'десантная' },
  'air assault': { masc: 'десантно-штурмовой', femn: 'десантно-штурмовая' },
  assault: { masc: 'штурмовой', femn: 'штурмовая' },
  'naval infantry': { masc: 'морской пехоты', femn: 'морской пехоты' },
  artillery: { masc: 'артиллерийский', femn: 'артиллерийская' },
  rifle: { masc: 'стрелковый', femn: 'стрелковая' },
};

/** "Fifth company" → "5-я рота", "military unit 12345" → "войсковая часть 12345"; null if not read. */
export function unitNameRu(name: string): string | null {
  const unit = parseEnglishUnit(name);
  if (!unit) return null;
  if (unit.kind === 'military_unit') return `войсковая часть ${unit.number}`;
  const noun = UNIT_NOUNS[unit.noun];
  const adjectives = unit.adjectives.map((a) => UNIT_ADJECTIVES[a][noun.gender]);
  return [`${unit.number}-${noun.gender === 'femn' ? 'я' : 'й'}`, ...adjectives, noun.ru].join(' ');
}

// Ukraine's regions as the gazetteer names them in English; Russian regions read by their
// transliterated names ("Moskovskaya Oblast") need no table.
const UKRAINIAN_REGIONS: Record<string, string> = {
  Cherkasy: 'Черкасская',
  Chernihiv: 'Черниговская',
  Chernivtsi: 'Черновицкая',
  Dnipropetrovsk: 'Днепропетровская',
  Donetsk: 'Донецкая',
  'Ivano-Frankivsk': 'Ивано-Франковская',
  Kharkiv: 'Харьковская',
  Kherson: 'Херсонская',
  Khmelnytskyi: 'Хмельницкая',
  Kirovohrad: 'Кировоградская',
  Kyiv: 'Киевская',
  Luhansk: 'Луганская',
  Lviv: 'Львовская',
  Mykolaiv: 'Николаевская',
  Odesa: 'Одесская',
  Poltava: 'Полтавская',
  Rivne: 'Ровенская',
  Sumy: 'Сумская',
  Ternopil: 'Тернопольская',
  Vinnytsia: 'Винницкая',
  Volyn: 'Волынская',
  Zakarpattia: 'Закарпатская',
  Zaporizhzhia: 'Запорожская',
  Zhytomyr: 'Житомирская',
};
const REGION_NOUNS: Record<string, string> = { oblast: 'область', krai: 'край', okrug: 'округ' };

/** A region's Russian name: "Donetsk Oblast" → "Донецкая область", "Crimea" → "Крым". */
export function regionNameRu(region: string): string {
  if (/[А-Яа-яЁё]/.test(region) && !/[A-Za-z]/.test(region)) return region;
  if (region === 'Crimea') return 'Крым';
  if (region === 'Moskva') return 'Москва';
  const m = /^(.+?)\s+(Oblast|Krai|Okrug)$/i.exec(region.trim());
  if (m) {
    const adjective = UKRAINIAN_REGIONS[m[1]] ?? cyrillicSpelling(m[1]);
    return `${adjective} ${REGION_NOUNS[m[2].toLowerCase()]}`;
  }
  const republic = /^Republic of (.+)$/i.exec(region.trim());
  if (republic) return `Республика ${cyrillicSpelling(republic[1])}`;
  return cyrillicSpelling(region);
}
