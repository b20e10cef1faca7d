import type { ActType } from '../domain/vocabularies.js';

/** A phrase that states an act; `negative` cues carry their own negation ("no food", "без воды"). */
export interface ActCue {
  type: ActType;
  re: RegExp;
  negative?: boolean;
  /** Words the cue's sentence must contain for the cue to count. */
  context?: RegExp;
}

const w = (s: string) => new RegExp(`(?<![\\p{L}])(?:${s.replace(/~/g, '\\p{L}*')})(?![\\p{L}])`, 'giu');

// Up to three words between a negation and what it withholds ("не дают им воды", "no one gives them medical help").
const GAP = "(?:[\\p{L}'’]+,? ){0,3}";
const NEG = "(?:не|ни|нет|немає|без|никто|ніхто|no|nobody|not|never|without|denied|deprived of|n['’]t)";
// Verbs of giving, letting and receiving that a withheld object comes back to ("врача не пускают").
const GIVE =
  '(?:да|дава|корм|пуска|пусти|оказ|предоставл|получа|нада|году|дозвол|разреш|привоз|принос)\\p{L}*';
/** "не дают им X", "without X", and the Slavic object-first order "X им не дают", "X почти нет". */
const withheld = (objects: string) =>
  `${NEG} ${GAP}(?:${objects})|(?:${objects}) ${GAP}(?:не ${GIVE}|нет|немає)`;
// Rationed to once a day, once every two days ("кормят раз в сутки", "water only once a day").
const rationed = (objects: string) =>
  `(?:${objects}) (?:[\\p{L}'’]+ ){0,2}(?:(?:only|только|лише|тільки|лишь) )?(?:(?:один )?раз (?:в|на)|once (?:a|per|every|in))`;
const FOOD =
  'food|meals?|fed|feed|еды|еда|пищ~|питани~|корм(?:ят|или|ить|или)|поесть|їжі|їжу|їжа|харчуванн~|году(?:ють|вали|вати)|поїсти';
const WATER = '(?:drinking )?water|вод[аыуе]|питьев~ вод~|пить|попить|води|воду|питн~ вод~|пити|попити';
const MEDICAL =
  'medical \\p{L}+|medicines?|medication|treatment|a doctor|медицинск~ помощ~|медпомощ~|медицинск~ уход~|лечени~|лекарств~|медикамент~|к врачу|врача|медичн~ допомог~|медичн~ догляд~|лікуванн~|ліки|ліків|до лікаря|лікаря|в госпиталь|в больниц~|до лікарні|до шпиталю|в санчасть';
const PAPERS_EN = 'phones|mobile phones|documents|passports|(?:military )?IDs?|military (?:ID )?cards?';
const PAPERS_SLAVIC =
  'телефон~|мобильн~|смартфон~|документ~|паспорт~|военн~ билет~|военник~|удостоверени~|військов~ квит~|посвідченн~';
// Consenting to go back: "agree to return to the front", "подпишут согласие", "погодиться підписати контракт".
const BACK =
  '(?:\\p{L}+ ){0,2}(?:(?:the )?front|positions?|assault|позици~|передов~|фронт~|штурм~|позиції|передову)';
const CONSENT = `agree~ to|return~ ${BACK}|go back ${BACK}|соглас(?:ятся|ится|ились|иться)|верн(?:утся|ется|уться) ${BACK}|погод(?:жу|иться|яться|илися)~|повернут~ ${BACK}`;
const HYGIENE =
  'wash(?:ing)?|shower(?:s)?|bathe|soap|toilets?|hygiene|мыться|помыться|умываться|душ[аем]?|бани|мыла|туалет~|гигиен~|митися|помитися|вмиватися|душу|мила|гігієн~';

// A sum of money ("300 тысяч рублей", "5 тисяч доларів", "$3,000").
const MONEY =
  '\\d[\\d ,.]* (?:тысяч|тыс|тисяч|тис|миллион|мільйон)?\\p{L}* ?(?:рубл|доллар|долар|гривен|гривн|гривень|грн|евро|євро|\\$)\\p{L}*';
// Apostrophes Ukrainian is written with ("зв'язали", "зв’язали", "звʼязали").
const AP = "['’ʼ]";
// A head count in digits or words ("20", "двадцать", "двадцятьох", "twenty").
const COUNT = `(?<![\\d.,])\\d{2,3}(?![\\d.,])|(?:десят|одиннадцат|двенадцат|пятнадцат|двадцат|тридцат|сорок|пятьдесят|десят|одинадцят|дванадцят|п${AP}ятнадцят|двадцят|тридцят|п${AP}ятдесят)\\p{L}*|ten|twelve|fifteen|twenty|thirty|forty|fifty|dozens`;

// A mobilization or call-up the cue's sentence must speak of.
const MOBILIZED = w(
  'мобилиз~|призва~|призыв~|военкомат~|мобіліз~|призов~|військкомат~|тцк|mobili[sz]~|drafted|conscripted|call(?:ed)? up',
);
// A refusal to fight, a resignation, or the going back that pressure aims at.
const REFUSAL = w(
  `отказ~|откаж~|отказыва~|рапорт~|увольнени~|уволит~|воевать|повоевать|вернуться|возвращ~|на (?:фронт|передов~|позици~|штурм)|контракт~|відмов~|рапорт~|звільненн~|звільнит~|воювати|повоювати|повернутися|поверненн~|поверта~|на (?:фронт|передов~|позиці~|штурм)|refus~|resign~|discharge~|withdraw~|fight~|return~|(?:to|back to) the (?:front~|positions)|contracts?`,
);

/**
 * Cue phrases for the controlled vocabulary of acts, in English, Russian and Ukrainian.
 * Written for Vigil from the vocabulary of human-rights reporting on detained servicemen
 * (the HURIDOCS act types in src/domain/vocabularies.ts); `~` stands for any word ending.
 */
export const ACT_CUES: ActCue[] = [
  {
    type: 'arbitrary_detention',
    re: w(
      'held captive|held in|заложник~|заручник~|(?:are|were|is|was|being|been) held|detain~|detention|locked (?:up|in)|imprison~|in custody|kept in|basements?|cellars?|pits?|guardhouse|(?:to|in) (?:a|the) camp|комендатур~|гауптвахт~|удержива~|держат|держали|содерж(?:ат|али|ится|атся)|заперл~|запер|подвал~|ям[аеуы]|задержан~|лишени~ свободы|утриму~|тримають|тримали|підвал~|замкну~|сизо|сізо|в плену у своих',
    ),
  },
  {
    type: 'incommunicado_detention',
    re: w(
      "no contact|cut off from|not (?:been )?(?:allowed|permitted) to (?:call|contact|phone|see)|не (?:дают|давали|разрешают|разрешали|позволяют|позволяли) (?:\\p{L}+ ){0,3}(?:звонить|позвонить|связаться)|не (?:дають|давали|дозволяють|дозволяли) (?:\\p{L}+ ){0,3}(?:дзвонити|зателефонувати|зв['’ʼ]язатися)|(?:denied|without|no) access to (?:a |their |his )?(?:lawyers?|attorneys?|relatives|famil(?:y|ies)|the Red Cross|the ICRC)|(?:unable to|cannot|can['’]t|could not|couldn['’]t) (?:contact|call|reach|phone)|(?:don't|do not|did not) know where|whereabouts (?:are |is )?unknown|without (?:any )?contact|без связи|не выход~ на связь|не знаю?т?,? где наход~|не знаю?,? де знаход~|не знають,? де|не виход~ на зв['’ʼ]язок|без зв['’ʼ]язку",
    ),
    negative: true,
  },
  {
    type: 'enforced_disappearance',
    // Also the denial that a person is held: a state that will not confirm it holds him hides his fate.
    re: w(
      "disappeared|went missing|(?:taken|driven) (?:away )?to an unknown (?:location|destination|place)|unknown location|вывез~ (?:\\p{L}+ )?в неизвестном направлении|вивез~ (?:\\p{L}+ )?в невідомому напрямку|(?:увез|забра)~ (?:\\p{L}+ )?в неизвестном направлении|(?:забра|повез)~ (?:\\p{L}+ )?(?:в|у) невідомому напрямку|место (?:нахождения|содержания|пребывания) (?:\\p{L}+ )?неизвестн~|місце (?:перебування|утримання|знаходження) (?:\\p{L}+ )?невідом~|(?:reported|listed|declared|remain~|still|are|is|were|was) missing|whereabouts (?:are |is |remain~ )?unknown|unknown whereabouts|abducted|kidnapp~|den(?:y|ies|ied|ying) (?:\\p{L}+ ){0,2}(?:holding|detaining|having detained)|(?:has|have|had)(?: not|n['’]t) been seen since|no one has seen (?:him|them) since|(?:никто|ніхто) (?:\\p{L}+ )?не (?:видел|бачив)|(?:отрица|заперечу)~,? (?:\\p{L}+ ){0,2}(?:что (?:он|они) (?:у них|задержан~|находится|содержится)|що (?:він|вони) (?:у них|затриман~|перебува~|утримує?ть?ся))|(?:did not|didn['’]t|refused to|would not) (?:even )?(?:confirm|acknowledge)|пропал~ без вести|исчез~|похищен~|похитил~|(?:не|отказ~) (?:\\p{L}+ )?подтвер(?:дил|жда)~|скрыва~ информаци~|зник~ безвісти|зникл~|викраден~|викрал~|не (?:\\p{L}+ )?підтверд(?:ил|жу)~|прихову~ інформаці~",
    ),
  },
  {
    type: 'threat_of_execution',
    re: w(
      'firing squad|(?:would|will|might|could) be (?:shot|executed)|threaten~ (?:\\p{L}+ )?(?:with )?(?:execution|shooting)|threaten~ to (?:shoot|execute|kill)|расстрел(?!ял|ян)~|расстреля(?:ют|ем)|обнул~|розстріл(?!яли|яв|ян)~|розстріляють|розстріляємо|пристрел(?:ю|им|ят|ишь)|пристрелимо|пристрелять|застрел(?:ю|им)|застрелимо',
    ),
  },
  {
    type: 'threat_of_violence',
    re: w(
      `(?:угрожа|пригрози|погрожува|пригрози)~ (?:\\p{L}+ )?(?:пистолетом|оружием|автоматом|ножом|пістолетом|зброєю|автоматом|ножем)|threaten~ (?:\\p{L}+ )?with (?:a )?(?:gun|pistol|weapon|knife|rifle)|at gunpoint|под дулом|під дулом|threaten~ (?:\\p{L}+ )?(?:to beat|with (?:violence|reprisals|beatings|torture))|threats of violence|угрожа~ (?:\\p{L}+ )?(?:избиением|расправой|пытками)|погрожува~ (?:\\p{L}+ )?(?:побиттям|розправою)|(?:would|will) be sent (?:\\p{L}+ )?to (?:the front|an? assault|the assault|storm)|(?:threat~|угрож~|пригрози~|грози~|погрож~)[^.!?]{0,40}?(?:send|sent|отправить|послать|бросить|кинуть|відправити|кинути)~ (?:\\p{L}+ ){0,2}(?:to (?:the front|an? assault|assault|storm)|на (?:штурм|передов~|фронт|передок)|(?:в|у|до) штурмов~)|(?:отправят|отправим|пошлют|кинут) (?:\\p{L}+ ){0,2}(?:на (?:передовую|фронт|штурм|передок|мясо)|в штурмов~)|(?:відправлять|відправимо|кинуть) (?:\\p{L}+ ){0,2}(?:на (?:фронт|штурм|передову|передок|м['’ʼ]ясо)|(?:до|у|в) штурмов~)`,
    ),
  },
  {
    type: 'torture',
    re: w(
      '(?:tortur|suffocat|asphyxiat|waterboard)~|tasers?|mock executions?|cigarette burns|burn~ (?:\\p{L}+ ){0,2}with cigarettes|broke (?:his|their) (?:fingers|ribs|bones)|пытк~|пыта(?:ли|ют|ть)|катува~|катують|тортур~|electric shocks?|током|струмом|электрошок~|електрошок~|душили|придушува~|(?:ломали|сломали|ламали|зламали) (?:\\p{L}+ )?(?:пальцы|пальці|ребра|кости|кістки)|имитаци~ расстрел~|імітаці~ розстріл~|(?:прижига|припіка)~ (?:\\p{L}+ )?сигарет~',
    ),
  },
  {
    type: 'beating',
    re: w(
      "beat(?:en|ing|ings)?|beat (?:\\p{L}+ )?up|(?:лупи|отлупи|лупцюва|відлупцюва|отмутузи|віддубаси)~|удар~ (?:\\p{L}+ ){0,2}(?:прикладом|прикладами|дубинк~|кийк~|палк~|палиц~|ногами|кулак~)|палками|палицями|with (?:clubs|sticks|rifle butts)|hit (?:them|him|us|me|the (?:men|detainees|soldiers)) with|kick(?:ed|ing)|punch(?:ed|ing)|batons?|прикладами|дубинк~|кийк~|избива~|избил~|избит~|избиени~|избить|бить|бьют|побои|побит~|б['’ʼ]ють|побиття|побили",
    ),
  },
  {
    type: 'ill_treatment',
    re: w(
      "humiliat~|derogatory|insult~|abus(?:e|ed|ive)|inhumane?|tied (?:up|to (?:a )?trees?)|taped to (?:a )?trees?|stress positions|унижа~|унижени~|оскорбл~|издева~|бесчеловечн~|привязал~ к дерев~|(?:травят|травили) собаками|знущ~|принижу~|приниж~|нелюдськ~|прив['’ʼ]язал~ до дерев~|(?:цькують|цькували) собаками",
    ),
  },
  {
    // Restraints and hoods: handcuffed, tied, zip-tied, a bag over the head.
    type: 'ill_treatment',
    re: w(
      `handcuff~|zip[- ]?ti(?:ed|es)|cable[- ]ties|shackl~|chained (?:\\p{L}+ )?to|blindfold~|hooded|bags? (?:over|on) (?:their|his|the) heads?|(?:в|на) наручник~|наручниками|(?:в|у) кайданк~|кайданками|(?:их|его|ему|им|руки|ноги|їх|його|йому|їм) (?:\\p{L}+ )?(?:связали|зв${AP}язали)|(?:связали|зв${AP}язали) (?:\\p{L}+ )?(?:руки|ноги|рук)|(?:со|зі|з) (?:связанными|зв${AP}язаними) руками|(?:пристегн|прикова)~ (?:\\p{L}+ ){0,2}(?:к|до) (?:батаре|дерев|труб|стен|стін|решетк|решітк|столб|стовп|забор|паркан|кроват|ліжк)~|(?:мешк~|пакет~|мішк~) на голов~|(?:с|із|з) (?:заклеенными|завязанными|зав${AP}язаними|заклеєними) глазами|(?:с|із|з) (?:заклеенными|завязанными|зав${AP}язаними|заклеєними) очима`,
    ),
  },
  {
    // Crowding and squalor: "по 20 человек в камере", "двадцятьох у шестимісній камері",
    // "twenty people in a cell meant for six".
    type: 'ill_treatment',
    re: w(
      `(?:${COUNT}) (?:(?:человек|людей|мужчин|чоловік|людей|осіб|people|men|detainees|prisoners) )?(?:\\p{L}+ )?(?:в|у|in|per) (?:(?:одной|одній|одну|one|a|each|the|a single|тесной|тісній|small|tiny) )?(?:(?:\\p{L}+місн~|\\p{L}+местн~) )?(?:камер~|cells?|rooms?|комнат~|кімнат~)|(?:камер~|cells?) (?:\\p{L}+ ){0,2}(?:на|for|built for|meant for|designed for) (?:${COUNT}) (?:мест|місць|человек|людей|осіб|people|persons)|(?:в|у) камер~ (?:\\p{L}+ ){0,2}(?:по )?(?:${COUNT}) (?:человек|людей|чоловік|осіб)|камер~ на (?:\\d+|\\p{L}+) (?:мест|місць|человек|людей|осіб) (?:\\p{L}+ ){0,3}(?:${COUNT})|\\p{L}+(?:місн|местн)~ камер~ (?:\\p{L}+ ){0,3}(?:${COUNT})|(?:crammed|packed|squeezed) (?:\\p{L}+ ){0,2}into|(?:спа|сп)(?:ть|ят|али) по очереди|сп(?:ати|лять|али) по черзі|sleep in shifts|(?:спят|спали|сплять|спали|sleep|slept) (?:\\p{L}+ ){0,2}(?:на (?:(?:бетонн~|голом~|голій|холодн~) )?(?:полу|підлозі)|on (?:the )?(?:bare |concrete |cold )?floors?)|(?:appalling|horrific|horrible|squalid|unsanitary|degrading) conditions|(?:ужасн|жутк|невыносим|антисанитарн|нечеловеческ|скотск)~ услови~|(?:жахлив|нестерпн|антисанітарн|нелюдськ)~ умов~|антисанитари~|антисанітарі~|без (?:туалета|туалету|унитаза|унітаза)|(?:no|without(?: a)?) toilets?|(?:bucket|ведро|відро) (?:\\p{L}+ ){0,2}(?:(?:as|for) a toilet|вместо туалета|замість туалету)`,
    ),
  },
  {
    type: 'denial_of_food',
    re: w(
      `${withheld(FOOD)}|${rationed(FOOD)}|little food|(?:little|nothing) to eat|нечего (?:есть|поесть)|нема(?:є)? (?:чого|що) (?:їсти|поїсти)|starv~|(?:stopped|ceased) (?:feeding|giving (?:\\p{L}+ )?food)|перестали (?:кормить|давать (?:\\p{L}+ )?(?:еду|пищу)|годувати|давати (?:\\p{L}+ )?їжу)|malnourish~|недоедани~|недоїданн~|мор(?:ят|или|ять|или) голодом|голода(?:ют|ли)|голоду(?:ють|вали)`,
    ),
    negative: true,
  },
  {
    type: 'denial_of_water',
    re: w(
      `${withheld(WATER)}|${rationed(WATER)}|(?:drink|drank|drinking) (?:\\p{L}+ )?(?:water )?(?:from|out of) puddles|пи(?:ли|ть|ти) (?:\\p{L}+ )?(?:воду )?(?:из|з) (?:луж|калюж)~|(?:техническ|технічн)~ вод~|(?:stopped|ceased) giving (?:\\p{L}+ )?water|перестали давать (?:\\p{L}+ )?воду|перестали давати (?:\\p{L}+ )?воду`,
    ),
    negative: true,
  },
  {
    type: 'denial_of_hygiene',
    re: w(
      `${withheld(HYGIENE)}|hygiene items|средств~ гигиен~|засоб~ гігієн~|unable to (?:wash|shower|bathe)`,
    ),
    negative: true,
  },
  {
    type: 'denial_of_medical_care',
    re: w(
      `${withheld(MEDICAL)}|(?:refus|withh[eo]ld|den(?:y|ie|ying))~ (?:\\p{L}+ ){0,2}medical|отказ~ (?:\\p{L}+ )?в (?:медицинск~ помощ~|лечени~|госпитализаци~)|відмов~ (?:\\p{L}+ )?(?:в|у) (?:медичн~ допомоз~|лікуванн~|госпіталізаці~)|medical (?:care|help|treatment|attention|assistance) (?:was|were|has been|had been|is|are) (?:\\p{L}+ )?(?:denied|refused|withheld)`,
    ),
    negative: true,
  },
  {
    type: 'forced_return_to_combat',
    re: w(
      'forc~ (?:\\p{L}+ )?back (?:into|to) (?:combat|the front)|(?:sent|send~|forc~|taken|driven) (?:\\p{L}+ ){0,3}back (?:to|into) (?:the )?(?:front~|combat|battle|fighting|positions|assault~)|forc~ (?:\\p{L}+ ){0,4}to return to (?:the )?front~|forcibly (?:\\p{L}+ )?(?:sent|returned) (?:\\p{L}+ )?to the front|принудительно (?:\\p{L}+ )?(?:отправ|возвра)~ на (?:фронт|передов~)|заставля~ (?:\\p{L}+ )?вернуться на (?:фронт|передов~|позици~)|примусово (?:\\p{L}+ )?(?:відправ|поверт)~ на (?:фронт|передов~)|змушу~ (?:\\p{L}+ )?повернутися на (?:фронт|передов~|позиці~)|sent (?:\\p{L}+ )?back to the front|отправ~ обратно на (?:передовую|фронт|позиции)|вернули на передовую|(?:снова|опять|знову|знов|again) (?:\\p{L}+ )?(?:отправ|відправ|верну|поверну|sent)~ (?:\\p{L}+ )?(?:на|to the) (?:передов~|фронт|позици~|позиці~|front)|(?:вернули|повернули) на позиці?и~|возвраща~ на передовую|(?:не долечив|недолечен~|не долікува~|недолікован~),? (?:[\\p{L},]+ ){0,4}(?:отправ|верну|возвра|выпис|відправ|поверну|поверта|випис)~|повернули на фронт|відправ~ назад на (?:фронт|позиції)',
    ),
  },
  {
    type: 'forced_labour',
    re: w(
      '(?:forced|made|compelled) to (?:dig|build|work|carry|unload|labou?r)|forced labou?r|slave labou?r|принудительн~ труд~|заставля~ (?:\\p{L}+ )?(?:рыть|копать|строить|работать)|примусов~ прац~|змушу~ (?:\\p{L}+ )?(?:копати|рити|будувати|працювати)',
    ),
  },
  {
    type: 'unlawful_mobilization',
    re: w(
      '(?:illegal|unlawful)(?:ly)? (?:mobiliz|mobilis|draft|conscript)~|forced (?:mobiliz|mobilis|conscript)~|forcibly (?:mobiliz|mobilis|conscript|draft)~|violation of (?:the )?draft rules|(?:snatch|grabb|seiz)~ (?:\\p{L}+ ){0,2}off the streets?|press-gangs?|незаконн~ (?:мобилиз|призва|мобіліз)~|(?:мобилизова|призва|мобілізува|мобілізов)~ (?:\\p{L}+ )?незаконно|(?:насильно|силой|силою|примусово|силоміць) (?:\\p{L}+ ){0,2}(?:доставл|доставил|доставлен|привез|привезл|повез|відвез|затрима|задержа)~ (?:\\p{L}+ ){0,2}(?:в|до|у) (?:военкомат~|військкомат~|тцк~)|принудительн~ мобилиз~|примусов~ мобіліз~|примусово мобіліз~|хвата~ (?:\\p{L}+ ){0,2}(?:прямо )?на улиц~|(?:схвати|схопи|хапа|пакува|запакува|скрути|затолка|заштовхну)~ (?:\\p{L}+ ){0,2}(?:прямо )?(?:на|с|з|із|посеред) (?:улиц~|вулиц~)|забра~ (?:\\p{L}+ ){0,2}(?:прямо )?(?:на|с|з|із|посеред) (?:улиц~|вулиц~) (?:\\p{L}+ ){0,2}(?:в|у|до) (?:военкомат~|військкомат~|тцк~)|(?:grabb|snatch|seiz|pick)~ (?:\\p{L}+ ){0,2}(?:up )?(?:off|on|from|in) the streets?|бусифіка~|бусифика~|busification|(?:затолка|заштовхну|заштовху|запиха)~ (?:\\p{L}+ ){0,2}(?:в|у|до) (?:бус~|микроавтобус~|мікроавтобус~|машин~)|forced (?:\\p{L}+ ){0,2}into (?:a )?(?:van|minibus|bus)|силоміць (?:\\p{L}+ ){0,2}забра~|силой (?:\\p{L}+ ){0,2}забра~',
    ),
  },
  {
    // Grounds for exemption named beside a mobilization ("мобилизовали отца троих детей").
    type: 'mobilization_despite_exemption',
    context: MOBILIZED,
    re: w(
      `инвалидност~|інвалідн~|disabilit~|disabled|chronic (?:illness|disease)|хроническ~ (?:заболевани|болезн)~|хронічн~ (?:захворюванн|хвороб)~|многодетн~|багатодітн~|(?:отц|отец|батьк)~ (?:\\p{L}+ )?(?:троих|трьох|пятерых|п${AP}ятьох|многих|трое|three|four|five)|father of (?:three|four|five)|единственн~ кормил~|єдин~ годувальник~|sole (?:carer|caregiver|breadwinner)`,
    ),
  },
  {
    type: 'mobilization_despite_exemption',
    re: w(
      'exempt~|exemptions?|deferments?|deferrals?|unfit for (?:military )?service|брон[ьиюе]|отсрочк~|бронювання|заброньован~|відстрочк~|негод(?:ен|н~) (?:к|для) (?:военной )?служб~|непридатн~',
    ),
  },
  {
    type: 'inadequate_training',
    re: w(
      "without (?:\\p{L}+ )?(?:\\p{L}+ )?training|(?:no|minimal|little) (?:military )?training|\\p{L}+n['’]t (?:\\p{L}+ ){0,3}training|untrained|необученн~|необучены|ненавчен~|необстріля~|необстреля~|never (?:held|fired|shot) a (?:rifle|gun|weapon)|(?:не умели|не вміли|не умеют|не вміють) (?:\\p{L}+ )?(?:стрелять|стріляти)|(?:(?:one|two|three|a)[ -])?weeks?(?:-long)? (?:of )?training|(?:\\d|one|two|three|four|five|six|seven|ten|a few)[ -]days?(?:-long)? (?:of )?training|(?:\\d{1,2}|(?:одн|дв|тр|четыр|пят|чотир|п['’ʼ]ят|десят)\\p{L}*|нескольк~|кількох) (?:дн~|дн~|недел~|тижн~|дні~|сут~|діб) (?:\\p{L}+ )?(?:обучени|подготовк|навчанн|підготовк)~|(?:тижнев|двотижнев|недельн|двухнедельн|кратковременн|короткочасн)~ (?:\\p{L}+ )?(?:навчан|обучени|подготовк|підготовк|курс)~|без (?:[\\p{L}-]+ ){0,6}(?:подготовки|обучения)|не обучен~|обучени~ (?:\\p{L}+ ){0,3}не (?:проход|проше|был)~|без (?:[\\p{L}'’-]+ ){0,6}(?:підготовки|навчання)|не навчен~|навчанн~ (?:\\p{L}+ ){0,3}не (?:прох|бул)~",
    ),
    negative: true,
  },
  {
    type: 'extortion',
    re: w(
      `extort~|bribes?|pay (?:\\p{L}+ )?to be released|(?:pay|paid) (?:\\p{L}+ ){0,3}for (?:his|their|the) release|demand~ (?:\\p{L}+ ){0,2}(?:money|payment|a ransom|ransom)|ransom~|вымога~|взятк~|вимага~ (?:\\p{L}+ )?грош~|хабар~|(?:требова|потребова|проси|вымога|вимага|хоті)~ (?:\\p{L}+ ){0,3}(?:деньги|денег|грош~|выкуп|викуп|(?:${MONEY}))|(?:за (?:освобождени~|звільнення|то,? чтобы отпустить|те,? щоб відпустити)) (?:\\p{L}+ ){0,2}(?:требова|проси|вымога|вимага|хоті)~|откуп~|відкуп~`,
    ),
  },
  {
    type: 'confiscation_of_documents_or_phones',
    re: w(
      `(?:took|taken|confiscated|seized|removed) (?:\\p{L}+ ){0,2}(?:${PAPERS_EN})|(?:forced|ordered|made) (?:\\p{L}+ ){0,2}to (?:hand over|give up|surrender) (?:\\p{L}+ ){0,2}(?:${PAPERS_EN})|(?:заставил|вынудил|приказал|обязал|змусил|наказал|зобов${AP}язал)~ (?:\\p{L}+ ){0,3}(?:сдать|здати) (?:\\p{L}+ ){0,2}(?:${PAPERS_SLAVIC})|(?:${PAPERS_EN})(?: and (?:\\p{L}+ ){0,2}(?:${PAPERS_EN}))? (?:were|was|have been|had been) (?:\\p{L}+ )?(?:taken|confiscated|seized|removed)|(?:забра|отобра|изъя|отня|конфискова|відібра|вилучи|вилуча|конфіскува)~ (?:\\p{L}+ ){0,3}(?:${PAPERS_SLAVIC})|(?:${PAPERS_SLAVIC}) (?:\\p{L}+ ){0,3}(?:забрали|отобрали|изъяли|відібрали|вилучили)`,
    ),
    negative: true,
  },
  {
    type: 'extrajudicial_killing',
    re: w(
      '(?:were|was) (?:shot dead|executed|killed) by|(?:were|was|been) (?:summarily )?executed|executed (?:on the spot|for refusing)|shot dead|shot by (?:his|their) own|застрелил~|застрелив~|executions?|расстреляли|убили своих|убива(?:ют|ли)|казн(?:ь|и|ят|или)|розстріляли|вбива(?:ють|ли)|страт(?:а|и|ять|или)',
    ),
  },
  {
    type: 'criminal_prosecution',
    re: w(
      'criminal (?:cases?|charges?|proceedings)|charged with|charged under|prosecuted|sentenced|convicted|fac(?:es|ed|ing) (?:\\p{L}+ ){0,2}up to \\d+ years|уголовн~ дел~|уголовн~ преследовани~|(?:возбуд|заве)~ (?:\\p{L}+ ){0,2}дел~|осужд~|приговор~|грозит (?:\\p{L}+ ){0,2}до \\d+ лет|кримінальн~ справ~|кримінальн~ провадженн~|вирок~|засуджен~|повідомили про підозру|загрожує (?:\\p{L}+ ){0,2}до \\d+ років',
    ),
  },
  {
    // Demands to take back a refusal, and conditions set on return ("until they agree to go to
    // the front", "если не откажутся от рапортов", "поки не відкличуть рапорти"); these carry
    // their own negation.
    type: 'pressure_to_withdraw_refusal',
    re: w(
      `withdr[ae]w~ (?:\\p{L}+ )?(?:statements|refusals?|reports)|(?:отозва|отзов|отзыва|забра|забер|відклика|відклич|забира)~ (?:\\p{L}+ )?рапорт~|откаж~ от (?:\\p{L}+ )?(?:рапорт~|отказ~)|відмов~ від (?:\\p{L}+ )?(?:рапорт~|відмов~)|(?:until|unless|if|пока|поки|если|якщо|доки)(?: [\\p{L}'’]+){0,4} (?:${CONSENT})|(?:threat~|угрож~|пригрози~|грози~|погрож~|пообещ~|пообіц~)[^.!?]{0,80}?(?:${CONSENT})`,
    ),
    negative: true,
  },
  {
    // Pressure in general words counts only where the sentence speaks of the refusal or of going
    // back to fight: pressure on journalists, or psychological pressure in captivity, is not this act.
    type: 'pressure_to_withdraw_refusal',
    context: REFUSAL,
    re: w(
      'pressur~|persuad~|заставить отказаться|давят|давили|давлени~|уговарива~|убежда~|склоня~|переконува~|умовля~|запугива~|схиляють|схиляли|тиснуть|тиснули|тиск~|відмов~ від рапорт~',
    ),
  },
];

/** Words that cancel a following cue ("were not beaten", "не били", "ніхто не"). */
export const NEGATION =
  /(?:(?:^|[^\p{L}])(?:not|never|no one|nobody|refused to (?:open|initiate|launch)|declined to (?:open|initiate)|не|ни|нет|никто|ні|ніхто|жодн\p{L}*|отказ\p{L}* (?:\p{L}+ )?(?:в )?возбу\p{L}*|відмов\p{L}* (?:\p{L}+ )?(?:у |в )?(?:відкритт|порушенн)\p{L}*)|n['’]t)\s+(?:\p{L}+\s+)?$/iu;
/** Denials that follow the cue ("Избиений не было"). */
export const NEGATION_AFTER =
  /^[^.!?]{0,40}?(?<![\p{L}])(?:не было|не було|нет|немає|не зафиксирован\p{L}*|не подтвердил\p{L}*|не підтвердил\p{L}*|did not happen|never happened)(?![\p{L}])/iu;

/** Words that make a clause hypothetical or a threat ("if they refuse they will be…", "грозили"). */
export const IRREALIS =
  /(?<![\p{L}])(?:if|unless|otherwise|would|might|will be|could|threat\w*|promised|если|иначе|в случае|грози\p{L}*|пригрози\p{L}*|угрож\p{L}*|обеща\p{L}*|пообеща\p{L}*|якщо|інакше|у разі|погрож\p{L}*|обіця\p{L}*|пообіця\p{L}*)(?![\p{L}])/iu;

/** Words of possibility and permission close before a cue ("may be sent", "могут отправить", "закон дозволяє"): a risk, not a done act. */
export const MODAL =
  /(?<![\p{L}])(?:may|might|can|could|allows?|allowed|allowing|permits?|possibl[ey]|possibility|risk\p{L}*|мо(?:гут|жет|жно|чь)|позволя\p{L}*|позволит\p{L}*|разреша\p{L}*|возможн\p{L}*|риск\p{L}*|можуть|може|можна|дозволя\p{L}*|дозволит\p{L}*|можлив\p{L}*|ризик\p{L}*)(?![\p{L}])/iu;
