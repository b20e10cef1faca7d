import type { PersonRole } from './types.js';

/**
 * Words that tell a named person's role when they stand next to the name (a title, a
 * profession, a kinship term) or in the same clause (what is done to or by the person).
 * Stems cover the inflected forms of Russian and Ukrainian.
 */
export const TITLE_ROLES: Array<[RegExp, PersonRole]> = [
  [/^(?:lawyer|attorney|advocate|адвокат\p{L}*|юрист\p{L}*|адвокатк\p{L}*)$/iu, 'lawyer'],
  [
    /^(?:journalist|correspondent|reporter|editor|журналист\p{L}*|корреспондент\p{L}*|редактор\p{L}*|журналіст\p{L}*|кореспондент\p{L}*)$/iu,
    'journalist',
  ],
  [
    /^(?:minister|deputy|chairman|chairwoman|president|governor|spokesman|spokeswoman|spokesperson|secretary|mayor|ombudsman|senator|head|prosecutor|investigator|judge|official|commissioner|министр\p{L}*|замминистр\p{L}*|председател\p{L}*|президент\p{L}*|губернатор\p{L}*|глав[аеуыой]|депутат\p{L}*|пресс-секретар\p{L}*|уполномоченн\p{L}*|омбудсмен\p{L}*|мэр\p{L}*|сенатор\p{L}*|прокурор\p{L}*|следовател\p{L}*|суд[ьяейюи]\p{L}*|міністр\p{L}*|голов[аиіу]|речни\p{L}*|уповноважен\p{L}*|слідч\p{L}*|омбудсман\p{L}*)$/iu,
    'official',
  ],
  [
    /^(?:commander|commissar|officer|colonel|lieutenant|major|captain|sergeant|general|guard|warden|командир\p{L}*|комбат\p{L}*|комрот\p{L}*|замполит\p{L}*|политрук\p{L}*|офицер\p{L}*|полковник\p{L}*|подполковник\p{L}*|майор\p{L}*|капитан\p{L}*|лейтенант\p{L}*|сержант\p{L}*|прапорщик\p{L}*|генерал\p{L}*|охранник\p{L}*|начальник\p{L}*|командувач\p{L}*|офіцер\p{L}*|капітан\p{L}*|охоронц\p{L}*)$/iu,
    'perpetrator',
  ],
];

/** Kinship terms: the person named beside them is that relative if the genders agree. */
export const KIN: Array<[RegExp, 'femn' | 'masc' | null, PersonRole]> = [
  [
    /^(?:mother|wife|sister|daughter|widow|grandmother|fiancee|girlfriend|мать|матери|мама|мамы|маме|жена|жены|жене|супруга|супруги|сестра|сестры|сестре|дочь|дочери|вдова|бабушка|невеста|мати|матері|матір|дружина|дружини|дружині|сестри|сестрі|донька|доньки|наречена)$/iu,
    'femn',
    'relative',
  ],
  [
    /^(?:son|husband|brother|grandson|fiance|boyfriend|сын|сына|сыну|муж|мужа|мужу|брат|брата|брату|внук|жених|син|сина|сину|чоловік|чоловіка|братові|онук)$/iu,
    'masc',
    'detainee',
  ],
  [/^(?:father|отец|отца|батько|батька|тато)$/iu, 'masc', 'relative'],
  [
    /^(?:spouses?|relatives?|parents?|family|wives|mothers|родственни\p{L}*|родител\p{L}*|родны\p{L}*|родичі\p{L}*|батьки|рідн\p{L}*|жены|жёны|дружини|матери|матері)$/iu,
    null,
    'relative',
  ],
];

/** Clause cues: being held, refusing, mobilized → detainee; doing the holding or threatening → perpetrator. */
export const DETAINEE_CONTEXT =
  /(?<!\p{L})(?:held|detained|imprisoned|locked|refus\w*|mobili[sz]ed|drafted|conscript\w*|draft orders?|servicem[ae]n|soldier|deserted|retreated|удерживают|удерживали|задержан\p{L}*|мобилизован\p{L}*|отказ\p{L}*|призван\p{L}*|голодовк\p{L}*|военнослужащ\p{L}*|рядов\p{L}*|бо[её]ц|срочник\p{L}*|утриму\p{L}*|затриман\p{L}*|мобілізован\p{L}*|відмов\p{L}*|служить|служит|військовослужбов\p{L}*)(?!\p{L})/iu;
export const PERPETRATOR_CONTEXT =
  /(?<!\p{L})(?:threaten\w*|beat|tortur\w*|ordered|угрожа\p{L}*|избива\p{L}*|избил\p{L}*|пытал\p{L}*|приказал\p{L}*|погрожува\p{L}*|побил\p{L}*|катува\p{L}*)(?!\p{L})/iu;
