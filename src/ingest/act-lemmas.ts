import type { ActType } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';
import type { Doc } from './text.js';

/**
 * An act stated by a word whatever its inflection or aspect: Russian and Ukrainian words are
 * matched by their dictionary lemma (infinitive, nominative), so "держат", "держали", "удерживают"
 * and "тримають", "утримували" all count; English words by stem.
 */
export interface LemmaCue {
  type: ActType;
  /** Lemmas of the word that states the act; an entry ending in `*` is a stem (prefix). */
  words: string[];
  /** Lemmas one of which must stand within `window` words of it in the same sentence. */
  near?: string[];
  /** A word right before the `near` word (a preposition of direction: "на фронт", not "с фронта"). */
  nearAfter?: string[];
  /** Words that, right before the cue word, give it another sense ("в связи с"). */
  notAfter?: string[];
  /** Words that, right after the cue word, give it another sense ("били по позициям": shelled). */
  notBefore?: string[];
  /** A second word that must stand within the window too. */
  also?: string[];
  /** The `near` word follows the cue word (its object: "угрожают расправой", not "пытки и угрозы"). */
  following?: boolean;
  window?: number;
  /** The act is the word withheld ("не кормят", "немає зв'язку"): stated only when negated. */
  negated?: boolean;
}

/** A lemma cue found in the text; `negative` cues carry their own negation. */
export interface LemmaMatch {
  type: ActType;
  start: number;
  end: number;
  sentence: number;
  negative: boolean;
}

// Confinement places and words that make holding someone a detention, not a figure of speech
// ("держать оборону").
const CONFINEMENT = [
  'подвал',
  'подвальный',
  'яма',
  'гараж',
  'сарай',
  'камера',
  'клетка',
  'контейнер',
  'лагерь',
  'изолятор',
  'комендатура',
  'гауптвахта',
  'заложник',
  'неволя',
  'незаконно',
  'насильно',
  'силой',
  'принудительно',
  'підвал',
  'підвальний',
  'табір',
  'ізолятор',
  'заручник',
  'неволя',
  'незаконно',
  'силоміць',
  'примусово',
  'насильно',
];
// Where a man is sent when sent to fight.
const FRONT = [
  'передовая',
  'передовой',
  'фронт',
  'позиция',
  'штурм',
  'передок',
  'ноль',
  'передова',
  'передовий',
  'позиція',
  'нуль',
  'front*',
  'frontline*',
  'assault*',
  'positions',
];
// Prepositions of direction before FRONT ("на передовую", "to the front"), not of origin ("с фронта").
const TOWARDS = ['на', 'в', 'у', 'до', 'to', 'the'];
// Words that make a sending to the front a return or a compulsion rather than a posting.
const COMPULSION = [
  'снова',
  'опять',
  'обратно',
  'назад',
  'принудительно',
  'насильно',
  'силой',
  'знову',
  'знов',
  'назад',
  'примусово',
  'силоміць',
  'again',
  'back',
  'forcibly',
];
const CONTACT = [
  'звонить',
  'позвонить',
  'связаться',
  'переписываться',
  'общаться',
  'видеться',
  'увидеться',
  'свидание',
  'дзвонити',
  'подзвонити',
  'зателефонувати',
  "зв'язатися",
  'переписуватися',
  'дозвониться',
  'додзвонитися',
  'известие',
  'звістка',
  'спілкуватися',
  'бачитися',
  'побачитися',
  'побачення',
];
const LOSS = [
  'нет',
  'без',
  'потерять',
  'терять',
  'утратить',
  'пропасть',
  'прерваться',
  'оборваться',
  'прервать',
  'лишить',
  'отсутствовать',
  'отсутствие',
  'немає',
  'нема',
  'втратити',
  'втрачати',
  'зникнути',
  'обірватися',
  'перерватися',
  'позбавити',
  'відсутній',
  'відсутність',
  'lost',
  'lose',
  'losing',
  'no',
  'without',
];
// Those kept away from a man held incommunicado: lawyers, relatives, the Red Cross, monitors.
const OUTSIDERS = [
  'адвокат',
  'защитник',
  'родственник',
  'родные',
  'родной',
  'крест',
  'мккк',
  'омбудсмен',
  'организация',
  'захисник',
  'родич',
  'рідні',
  'рідний',
  'хрест',
  'мкчх',
  'організація',
  'органи',
  'lawyer*',
  'relatives',
  'family',
  'cross',
  'icrc',
  'monitors',
  'organi*',
];
const UNKNOWN = ['неизвестный', 'неизвестно', 'невідомий', 'невідомо', 'unknown'];
const COERCE = [
  'заставлять',
  'заставить',
  'принуждать',
  'принудить',
  'вынуждать',
  'вынудить',
  'склонять',
  'склонить',
  'уговаривать',
  'уговорить',
  'змушувати',
  'змусити',
  'примушувати',
  'примусити',
  'схиляти',
  'схилити',
  'умовляти',
  'вмовляти',
  'залякувати',
  'шантажировать',
  'шантажувати',
  'coerc*',
  'blackmail*',
  'convinc*',
  'intimidat*',
  'compel*',
];
// What a refuser is pressed to do: take back the refusal, sign, go back and fight.
// A contract pressed on a conscript is not a refusal taken back: contracts are not listed.
const RECANT = [
  'рапорт',
  'отказ',
  'отказаться',
  'вернуться',
  'відмова',
  'відмовитися',
  'повернутися',
  'refus*',
  'withdraw*',
  'resign*',
];
const THREATEN = [
  'угрожать',
  'угроза',
  'пригрозить',
  'грозить',
  'запугивать',
  'запугать',
  'погрожувати',
  'погроза',
  'пригрозити',
  'загрожувати',
  'залякувати',
  'залякати',
  'threat*',
  'intimidat*',
  // A promise of harm is a threat ("обещал покалечить", "пообіцяв розстріляти").
  'обещать',
  'пообещать',
  'обіцяти',
  'пообіцяти',
  'promise*',
];
const VIOLENCE = [
  'расправа',
  'избить',
  'избиение',
  'побить',
  'пытка',
  'пытать',
  'насилие',
  'сгноить',
  'искалечить',
  'покалечить',
  'розправа',
  'побити',
  'побиття',
  'катування',
  'катувати',
  'насильство',
  'покалічити',
  'beat*',
  'violence',
  'reprisal*',
  'tortur*',
];
const KILLING = [
  'расстрел',
  'расстрелять',
  'застрелить',
  'убить',
  'обнулить',
  'розстріл',
  'розстріляти',
  'застрелити',
  'вбити',
  'убити',
  'смерть',
  'пристрелить',
  'пристрелити',
  'death',
  'kill*',
  'shoot*',
  'shot',
  'execut*',
];

/**
 * Cues by lemma for acts that reports phrase in many ways. Written for Vigil from the Russian,
 * Ukrainian and English vocabulary of reporting on detained and abused servicemen; they add to the
 * phrase patterns of act-cues.ts and are judged the same way (negation, hypothetical clauses).
 */
export const LEMMA_CUES: LemmaCue[] = [
  {
    type: 'arbitrary_detention',
    words: ['держать', 'удерживать', 'удержать', 'тримати', 'утримувати'],
    near: CONFINEMENT,
  },
  {
    type: 'arbitrary_detention',
    words: ['незаконный', 'незаконно', 'незаконний', 'unlawful*', 'illegal*'],
    near: [
      'удержание',
      'задержание',
      'задержать',
      'лишение',
      'заключение',
      'удерживать',
      'содержать',
      'утримання',
      'затримання',
      'затримати',
      'утримувати',
      "ув'язнення",
      'позбавлення',
      'detain*',
      'detention',
      'held',
      'imprison*',
    ],
    window: 2,
  },
  {
    type: 'arbitrary_detention',
    words: [
      'запереть',
      'запирать',
      'замкнуть',
      'замкнути',
      'замикати',
      'зачинити',
      'посадить',
      'посадити',
      'кинуть',
      'бросить',
      'кинути',
      'поместить',
      'помещать',
      'помістити',
      'поміщати',
    ],
    near: [
      'подвал',
      'яма',
      'гараж',
      'сарай',
      'камера',
      'клетка',
      'контейнер',
      'підвал',
      'зиндан',
      'лагерь',
      'табір',
    ],
    window: 4,
  },
  {
    type: 'ill_treatment',
    words: [
      'издеваться',
      'издевательство',
      'издевка',
      'унижать',
      'унизить',
      'унижение',
      'глумиться',
      'глумление',
      'измываться',
      'бесчеловечный',
      'нечеловеческий',
      'знущатися',
      'знущання',
      'принижувати',
      'принизити',
      'приниження',
      'глумитися',
      'нелюдський',
      'mistreat*',
      'maltreat*',
      'ill-treat*',
      'humiliat*',
      'degrading',
      'inhuman*',
      'cruelty',
      'overcrowd*',
      'cramped',
    ],
  },
  {
    type: 'ill_treatment',
    words: ['жестокий', 'жорстокий', 'жестоко', 'жорстоко', 'cruel', 'cruelly', 'harsh'],
    near: [
      'обращение',
      'обращаться',
      'поводження',
      'поводитися',
      'treatment',
      'treat',
      'treated',
      'conditions',
    ],
    window: 2,
  },
  {
    type: 'ill_treatment',
    words: [
      'унизительный',
      'издевательский',
      'принизливий',
      'знущальний',
      'дедовщина',
      'дідівщина',
      'bully*',
      'hazing',
    ],
  },
  {
    type: 'ill_treatment',
    words: ['психологический', 'моральный', 'психологічний', 'моральний', 'psychological'],
    near: ['давление', 'тиск', 'pressure', 'abuse'],
    window: 2,
  },
  { type: 'ill_treatment', words: ['переполненный', 'теснота', 'переповнений', 'тіснота'] },
  {
    type: 'denial_of_food',
    words: ['кормить', 'накормить', 'годувати', 'нагодувати', 'feed', 'fed'],
    negated: true,
  },
  {
    type: 'denial_of_food',
    words: ['есть', 'поесть', 'їсти', 'поїсти'],
    near: ['давать', 'дать', 'давати', 'дати'],
    window: 2,
    negated: true,
  },
  {
    type: 'denial_of_food',
    words: [
      'голодать',
      'голодовать',
      'впроголодь',
      'недоедать',
      'недоедание',
      'голодувати',
      'недоїдати',
      'недоїдання',
      'hungry',
    ],
  },
  { type: 'denial_of_food', words: ['морить', 'морити'], near: ['голод'], window: 2 },
  // "Раненых не лечат", "поранених не лікують".
  {
    type: 'denial_of_medical_care',
    words: ['лечить', 'вылечить', 'лікувати', 'вилікувати'],
    negated: true,
  },
  // "в связи с", "у зв'язку з" is "in connection with".
  {
    type: 'incommunicado_detention',
    words: ['связь', "зв'язок", 'contact'],
    notAfter: ['в', 'у'],
    near: LOSS,
    window: 3,
  },
  { type: 'incommunicado_detention', words: CONTACT, negated: true },
  { type: 'incommunicado_detention', words: ['доступ', 'access'], near: OUTSIDERS, window: 6, negated: true },
  {
    type: 'incommunicado_detention',
    words: ['пускать', 'допускать', 'пустить', 'допустить', 'пускати', 'допускати', 'пустити', 'допустити'],
    near: ['адвокат', 'защитник', 'родственник', 'родные', 'адвокат', 'захисник', 'родич', 'рідні'],
    window: 4,
    negated: true,
  },
  { type: 'incommunicado_detention', words: ['incommunicado'] },
  {
    type: 'enforced_disappearance',
    words: ['пропасть', 'зникнути'],
    near: [
      'весть',
      'вести',
      'безвести',
      'безвісти',
      'сын',
      'муж',
      'брат',
      'военнослужащий',
      'солдат',
      'боец',
      'син',
      'чоловік',
      'брат',
      'військовослужбовець',
      'солдат',
      'боєць',
    ],
    window: 3,
  },
  {
    type: 'enforced_disappearance',
    words: [
      'местонахождение',
      'местопребывание',
      'судьба',
      'місцеперебування',
      'місцезнаходження',
      'доля',
      'whereabouts',
      'fate',
    ],
    near: UNKNOWN,
    window: 4,
  },
  {
    type: 'enforced_disappearance',
    words: ['похищать', 'похитить', 'похищение', 'викрадати', 'викрасти', 'викрадення', 'kidnap*'],
  },
  {
    type: 'enforced_disappearance',
    words: ['известно', 'відомо', 'known'],
    near: [
      'судьба',
      'местонахождение',
      'доля',
      'місцеперебування',
      'місцезнаходження',
      'fate',
      'whereabouts',
    ],
    window: 4,
    negated: true,
  },
  { type: 'enforced_disappearance', words: ['vanish*'] },
  {
    type: 'forced_return_to_combat',
    words: ['вернуть', 'возвращать', 'возвратить', 'повернуть', 'повернути', 'повертати', 'вернути'],
    near: FRONT,
    nearAfter: TOWARDS,
    window: 4,
  },
  {
    type: 'forced_return_to_combat',
    words: [
      'отправить',
      'отправлять',
      'направить',
      'направлять',
      'бросить',
      'бросать',
      'погнать',
      'гнать',
      'послать',
      'посылать',
      'відправити',
      'відправляти',
      'направити',
      'направляти',
      'кинути',
      'кидати',
      'погнати',
      'гнати',
      'послати',
      'вывезти',
      'вывозить',
      'вивезти',
      'вивозити',
      'отвезти',
      'відвезти',
      'перебросить',
      'перекинути',
      'sent',
      'send*',
    ],
    near: FRONT,
    nearAfter: TOWARDS,
    also: COMPULSION,
    window: 4,
  },
  { type: 'pressure_to_withdraw_refusal', words: COERCE, near: RECANT, window: 6 },
  {
    type: 'beating',
    words: [
      'бить',
      'избить',
      'избивать',
      'побить',
      'избиение',
      'бити',
      'побити',
      'бив',
      'били',
      'побиття',
      'избиваемый',
    ],
    notBefore: ['по'],
  },
  // Kept from sleep, stripped, made to sing the captors' anthem: degrading treatment.
  {
    type: 'ill_treatment',
    words: ['спать', 'спати', 'sleep'],
    near: ['давать', 'дать', 'давати', 'дати', 'allowed', 'let'],
    window: 2,
    negated: true,
  },
  {
    type: 'ill_treatment',
    words: ['раздеть', 'раздевать', 'роздягнути', 'роздягти', 'роздягати', 'stripped'],
    near: ['догола', 'голый', 'naked', 'наголо', 'голий'],
    window: 3,
  },
  {
    type: 'ill_treatment',
    words: ['гимн', 'гімн', 'anthem'],
    near: ['петь', 'спеть', 'співати', 'заспівати', 'sing', 'заставлять', 'змушувати', 'forced', 'made'],
    window: 4,
  },
  {
    type: 'forced_return_to_combat',
    words: [
      'заставить',
      'заставлять',
      'принудить',
      'принуждать',
      'вынудить',
      'змусити',
      'змушувати',
      'примусити',
      'примушувати',
      'forc*',
      'made',
    ],
    near: ['вернуться', 'возвращаться', 'повернутися', 'повертатися', 'return', 'go', 'fight'],
    also: FRONT,
    window: 6,
  },
  { type: 'threat_of_violence', words: THREATEN, near: VIOLENCE, following: true, window: 5 },
  { type: 'threat_of_execution', words: THREATEN, near: KILLING, following: true, window: 5 },
];

const CONJUNCTION = new Set(['and', 'or', 'и', 'или', 'і', 'й', 'та', 'або', 'чи']);
const NEGATORS = new Set([
  'не',
  'ни',
  'нет',
  'немає',
  'нема',
  'без',
  'no',
  'not',
  'never',
  'without',
  'nobody',
  'ніхто',
  'никто',
]);

// A word list compiled once: exact lemmas in a set, stems apart.
interface Compiled {
  exact: Set<string>;
  stems: string[];
}
const compiled = new Map<string[], Compiled>();
function compile(lemmas: string[]): Compiled {
  let c = compiled.get(lemmas);
  if (!c) {
    c = {
      exact: new Set(lemmas.filter((l) => !l.endsWith('*'))),
      stems: lemmas.filter((l) => l.endsWith('*')).map((l) => l.slice(0, -1)),
    };
    compiled.set(lemmas, c);
  }
  return c;
}
const matches = (forms: string[], lemmas: string[]) => {
  const { exact, stems } = compile(lemmas);
  return forms.some((f) => exact.has(f) || stems.some((stem) => f.startsWith(stem)));
};

// Only words that could be a listed lemma are looked up in the dictionaries: their first three
// letters (of the form or, for stem-changing verbs, of the lemma) are among the lexicon's.
const PREFIXES = new Set(
  LEMMA_CUES.flatMap((c) => [...c.words, ...(c.near ?? [])]).map((l) => l.replace('*', '').slice(0, 3)),
);
// Forms whose first letters differ from their lemma's ("бьют", "гонят", "шлют").
const IRREGULAR = /^(?:гон|шл|пошл)/u;
const formsCache = new Map<string, string[]>();

/** The word itself and its dictionary lemmas (Russian and Ukrainian), cached. */
function formsOf(norm: string): string[] {
  const hit = formsCache.get(norm);
  if (hit) return hit;
  const forms = [norm];
  if (/\p{Script=Cyrillic}/u.test(norm) && (PREFIXES.has(norm.slice(0, 3)) || IRREGULAR.test(norm))) {
    for (const r of analyzeRussian(norm))
      if (r.fromDictionary && !forms.includes(r.lemma)) forms.push(r.lemma);
    for (const r of analyzeUkrainian(norm)) if (r.known && !forms.includes(r.lemma)) forms.push(r.lemma);
  }
  if (formsCache.size > 50_000) formsCache.clear();
  formsCache.set(norm, forms);
  return forms;
}

/** Lemma cues found in the text, one per cue and trigger word. */
export function findLemmaCues(doc: Doc): LemmaMatch[] {
  const out: LemmaMatch[] = [];
  const forms = doc.tokens.map((t) => formsOf(t.norm));
  for (let i = 0; i < doc.tokens.length; i++) {
    const token = doc.tokens[i];
    const sentence = doc.sentences[token.sentence];
    for (const cue of LEMMA_CUES) {
      if (!matches(forms[i], cue.words)) continue;
      if (cue.notAfter && i > sentence.firstToken && cue.notAfter.includes(doc.tokens[i - 1].norm)) continue;
      if (cue.notBefore && i < sentence.lastToken && cue.notBefore.includes(doc.tokens[i + 1].norm)) continue;
      let start = token.start;
      let end = token.end;
      if (cue.near) {
        const window = cue.window ?? 5;
        const from = Math.max(sentence.firstToken, i - window);
        const to = Math.min(sentence.lastToken, i + window);
        const at = (lemmas: string[], after?: string[]) => {
          for (let j = from; j <= to; j++)
            if (
              j !== i &&
              matches(forms[j], lemmas) &&
              (!after || (j > 0 && after.includes(doc.tokens[j - 1].norm)))
            )
              return j;
          return -1;
        };
        const found = at(cue.near, cue.nearAfter);
        // The object follows the verb; "threats and violence" lists two things and threatens neither.
        if (cue.following && (found < i || CONJUNCTION.has(doc.tokens[i + 1].norm))) continue;
        if (found < 0 || (cue.also && at(cue.also) < 0)) continue;
        start = Math.min(start, doc.tokens[found].start);
        end = Math.max(end, doc.tokens[found].end);
      }
      if (cue.negated) {
        let negated = false;
        for (let j = Math.max(sentence.firstToken, i - 3); j <= Math.min(sentence.lastToken, i + 2); j++)
          if (j !== i && (NEGATORS.has(doc.tokens[j].norm) || doc.tokens[j].norm.endsWith("n't")))
            negated = true;
        if (!negated) continue;
      }
      out.push({ type: cue.type, start, end, sentence: token.sentence, negative: cue.negated === true });
    }
  }
  return out;
}
