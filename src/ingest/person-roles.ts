import type { PersonRole } from './types.js';

/**
 * Words that tell a named person's role when they stand next to the name (a title, a
 * profession, a kinship term) or in the same clause (what is done to or by the person).
 * Stems cover the inflected forms of Russian and Ukrainian.
 */
export const TITLE_ROLES: Array<[RegExp, PersonRole]> = [
  [
    /^(?:activist|defender|founder|coordinator|volunteer|resident|local|житель\p{L}*|жител\p{L}*|мешкан\p{L}*|жительк\p{L}*|правозащитни\p{L}*|правозахисни\p{L}*|активист\p{L}*|активіст\p{L}*|основател\p{L}*|засновни\p{L}*|координатор\p{L}*|волонтер\p{L}*|expert|analyst|psychologist|doctor|priest|witness|eyewitness|historian|researcher|sociologist|эксперт\p{L}*|аналитик\p{L}*|психолог\p{L}*|врач\p{L}*|священник\p{L}*|свидетел\p{L}*|историк\p{L}*|исследовател\p{L}*|социолог\p{L}*|политолог\p{L}*|експерт\p{L}*|аналітик\p{L}*|лікар\p{L}*|священик\p{L}*|свідок|свідка|свідки|історик\p{L}*|дослідни\p{L}*|соціолог\p{L}*|політолог\p{L}*)$/iu,
    'other',
  ],
  [/^(?:lawyers?|attorneys?|advocates?|counsel|адвокат\p{L}*|юрист\p{L}*|адвокатк\p{L}*)$/iu, 'lawyer'],
  [
    /^(?:journalists?|correspondents?|reporters?|editors?|журналист\p{L}*|корреспондент\p{L}*|редактор\p{L}*|журналіст\p{L}*|кореспондент\p{L}*)$/iu,
    'journalist',
  ],
  [
    /^(?:minister|deputy|governor|spokesman|spokeswoman|spokesperson|secretary|mayor|ombudsman|senator|prosecutor|investigator|judge|official|commissioner|министр\p{L}*|замминистр\p{L}*|губернатор\p{L}*|депутат\p{L}*|пресс-секретар\p{L}*|уполномоченн\p{L}*|омбудсмен\p{L}*|мэр\p{L}*|сенатор\p{L}*|прокурор\p{L}*|следовател\p{L}*|судь[яиеюё]\p{L}*|судей|заместител\p{L}*|замглав\p{L}*|чиновни\p{L}*|міністр\p{L}*|міністерк\p{L}*|речни\p{L}*|уповноважен\p{L}*|слідч\p{L}*|омбудсман\p{L}*|судд[яіеюі]\p{L}*|заступни\p{L}*|посадовц\p{L}*|посадовець|мер|мера|меру|мером|посл[аоуі]м?|нардеп\p{L}*|прес-секретар\p{L}*|спікер\p{L}*|спикер\p{L}*|прем['’]?єр\p{L}*|премьер\p{L}*|premier|ombudsperson|посадовиц\p{L}*|ambassador|lawmaker|MP)$/iu,
    'official',
  ],
  [
    /^(?:commanders?|commissars?|officers?|colonel|lieutenant|major|captain|sergeant|general|guard|warden|командир\p{L}*|комбат\p{L}*|комрот\p{L}*|замполит\p{L}*|политрук\p{L}*|офицер\p{L}*|полковник\p{L}*|подполковник\p{L}*|підполковник\p{L}*|майор\p{L}*|капитан\p{L}*|лейтенант\p{L}*|сержант\p{L}*|прапорщик\p{L}*|генерал(?:а|у|ом|е|ы|ов|и|ів|ові)?|генерал-\p{L}+|охранник\p{L}*|надзирател\p{L}*|конвоир\p{L}*|командувач\p{L}*|офіцер\p{L}*|капітан\p{L}*|охоронц\p{L}*|охоронець|наглядач\p{L}*|конвоїр\p{L}*|комбриг\p{L}*|комроти|interrogator|jailer)$/iu,
    'perpetrator',
  ],
  [
    /^(?:soldiers?|servicem[ae]n|servicewom[ae]n|private|conscripts?|draftees?|recruits?|mobili[sz]ed|reservists?|POWs?|captives?|prisoners?|marines?|paratroopers?|солдат\p{L}*|военнослужащ\p{L}*|рядов(?:ой|ого|ому|ым)|бо[её]ц|бойц\p{L}*|срочник\p{L}*|мобилизованн\p{L}*|резервист\p{L}*|пленн\p{L}*|морпех\p{L}*|десантник\p{L}*|військовослужбов\p{L}*|військов(?:ий|ого|ому|им)|бі[йє]ц\p{L}*|боєць|строковик\p{L}*|мобілізован\p{L}*|полонен\p{L}*|морпіх\p{L}*|захисник\p{L}*|захисниц\p{L}*|військовополонен(?:ий|ого|ому|им)|военнопленн(?:ый|ого|ому|ым))$/iu,
    'detainee',
  ],
];

/**
 * Titles that name the head of a body ("head", "начальник", "керівник"): the body named after the
 * word tells the role — a unit, a colony or a prison makes a perpetrator, a rights group or other
 * public organization someone quoted (other). Without such a body the
 * title's own role holds; a state body (or an abbreviation) makes an official.
 */
export const HEAD_TITLES: Array<[RegExp, PersonRole]> = [
  [/^(?:начальник\p{L}*|commandant|комендант\p{L}*)$/iu, 'perpetrator'],
  [
    /^(?:head|chief|leader|director|chairman|chairwoman|chair|president|representative|глав(?:а|е|у|ы|ой|ою)|руководител\p{L}*|председател\p{L}*|президент\p{L}*|директор\p{L}*|представител\p{L}*|голов[аиіу]|головою|керівни\p{L}*|очільни\p{L}*|представни\p{L}*)$/iu,
    'official',
  ],
];
export const HEAD_BODIES: Array<[RegExp, PersonRole]> = [
  [
    /^(?:unit|regiment|battalion|brigade|colony|prison|camp|detention|jail|pre-trial|полк\p{L}*|батальон\p{L}*|бригад\p{L}*|рот[аыуе]|роти|част[иь]|колони\p{L}*|сизо|изолятор\p{L}*|тюрьм\p{L}*|тюрем\p{L}*|лагер\p{L}*|батальйон\p{L}*|колоні\p{L}*|сізо|ізолятор\p{L}*|в'язниц\p{L}*|табор\p{L}*|підрозділ\p{L}*|подразделени\p{L}*)$/iu,
    'perpetrator',
  ],
  [
    /^(?:ngo|charity|foundation|movement|group|initiative|project|association|union|school|network|mothers|cross|крест\p{L}*|хрест\p{L}*|матерей|матерів|фонд\p{L}*|движени\p{L}*|организаци\p{L}*|проект\p{L}*|инициатив\p{L}*|ассоциаци\p{L}*|союз\p{L}*|правозащитн\p{L}*|общественн\p{L}*|школ\p{L}*|сет\p{L}*|рух\p{L}*|організац\p{L}*|проєкт\p{L}*|ініціатив\p{L}*|асоціац\p{L}*|спілк\p{L}*|правозахисн\p{L}*|громадськ\p{L}*|благодійн\p{L}*|редакц\p{L}*|видання|outlet|newspaper|газет\p{L}*)$/iu,
    'other',
  ],
  [
    /^(?:ministry|office|service|department|administration|agency|committee|directorate|intelligence|staff|министерств\p{L}*|управлени\p{L}*|служб\p{L}*|департамент\p{L}*|администрац\p{L}*|ведомств\p{L}*|комитет\p{L}*|разведк\p{L}*|штаб\p{L}*|офис\p{L}*|міністерств\p{L}*|управлінн\p{L}*|департамент\p{L}*|адміністрац\p{L}*|відомств\p{L}*|комітет\p{L}*|розвідк\p{L}*|офіс\p{L}*|генштаб\p{L}*|міноборони|минобороны|прокуратур\p{L}*|поліці\p{L}*|полици\p{L}*|police|prosecutor['’]?s?)$/iu,
    'official',
  ],
];

/**
 * Heads of state, ministers, commanders-in-chief and ombudspersons of Russia and Ukraine whom
 * reports on this subject name without a title, as everyone knows who they are. Matched by the
 * folded surname and the start of the given name, so every script and spelling is one entry.
 */
export const PUBLIC_OFFICIALS = [
  'Владимир Путин',
  'Дмитрий Медведев',
  'Сергей Шойгу',
  'Андрей Белоусов',
  'Валерий Герасимов',
  'Дмитрий Песков',
  'Сергей Лавров',
  'Татьяна Москалькова',
  'Рамзан Кадыров',
  'Александр Лукашенко',
  'Денис Пушилин',
  'Леонид Пасечник',
  'Владимир Сальдо',
  'Евгений Балицкий',
  'Вячеслав Гладков',
  'Володимир Зеленський',
  'Андрій Єрмак',
  'Кирило Буданов',
  'Дмитро Лубінець',
  'Людмила Денісова',
  'Олексій Резніков',
  'Рустем Умєров',
  'Олександр Сирський',
  'Валерій Залужний',
  'Дмитро Кулеба',
  'Андрій Сибіга',
  'Ірина Верещук',
];

/** Words for soldiers that are also adjectives ("военными властями"): soldiers only after a kinship word ("мати одного з військових"). */
export const SOLDIERS_AFTER_KIN =
  /^(?:military|военн(?:ого|ых)|військов(?:ого|их)|военнопленн\p{L}*|військовополонен\p{L}*)$/iu;

/** Kinship terms: the person named beside them is that relative if the genders agree. */
export const KIN: Array<[RegExp, 'femn' | 'masc' | null, PersonRole]> = [
  [
    /^(?:mother|mom|mum|stepmother|aunt|wife|жену|дружину|маму|мамі|сестру|доньку|дочку|бабушку|бабусю|невесту|наречену|sister|daughter|widow|grandmother|fiancee|girlfriend|тётя|тетя|тети|тёти|тітка|тітки|бабуся|бабусі|мать|матери|мама|мамы|маме|жена|жены|жене|супруга|супруги|сестра|сестры|сестре|дочь|дочери|вдова|бабушка|невеста|мати|матері|матір|дружина|дружини|дружині|сестри|сестрі|донька|доньки|наречена|матерью|женой|сестрой|дочерью|мамой|матір'ю|мамою|дружиною|сестрою|донькою|дочка|дочки|дочкою|кохана)$/iu,
    'femn',
    'relative',
  ],
  [
    /^(?:son|husband|brother|grandson|fiance|boyfriend|сын|сына|сыну|муж|мужа|мужу|брат|брата|брату|внук|жених|син|сина|сину|чоловік|чоловіка|братові|онук|мужем|сыном|братом|сином|чоловіком|чоловікові)$/iu,
    'masc',
    'detainee',
  ],
  [
    /^(?:father|dad|stepfather|grandfather|отец|отца|отцом|папа|отчим|дедушка|батько|батька|батьком|тато|дід|дідусь|вітчим)$/iu,
    'masc',
    'relative',
  ],
  [
    /^(?:spouses?|relatives?|parents?|family|wives|mothers|родственни\p{L}*|родител\p{L}*|родны\p{L}*|родичі\p{L}*|батьки|семья|семьи|семье|семьей|семьёй|родина|родини|родині|родиною|сім['’]я|сім['’]ї|сім['’]єю|рідн\p{L}*|жены|жёны|дружини|матери|матері)$/iu,
    null,
    'relative',
  ],
];

/** Clause cues: being held, refusing, mobilized → detainee; doing the holding or threatening → perpetrator. */
export const DETAINEE_CONTEXT =
  /(?<!\p{L})(?:held|detained|imprisoned|locked|refus\w*|mobili[sz]ed|drafted|conscript\w*|draft orders?|summons|servicem[ae]n|soldier|deserted|retreated|captiv\w*|captured|prisoners? of war|POWs?|повестк\p{L}*|повістк\p{L}*|плен\p{L}*|пленн\p{L}*|полон\p{L}*|полонен\p{L}*|удерживают|удерживали|задержан\p{L}*|мобилизован\p{L}*|отказ\p{L}*|призван\p{L}*|голодовк\p{L}*|военнослужащ\p{L}*|рядов\p{L}*|бо[её]ц|срочник\p{L}*|утриму\p{L}*|затриман\p{L}*|мобілізован\p{L}*|відмов\p{L}*|служить|служит|військовослужбов\p{L}*)(?!\p{L})/iu;
export const PERPETRATOR_CONTEXT =
  /(?<!\p{L})(?:threaten\w*|beat|tortur\w*|ordered|угрожа\p{L}*|избива\p{L}*|избил\p{L}*|пытал\p{L}*|приказал\p{L}*|погрожува\p{L}*|побил\p{L}*|катува\p{L}*)(?!\p{L})/iu;
