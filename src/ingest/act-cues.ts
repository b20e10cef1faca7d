import type { ActType } from '../domain/vocabularies.js';

/** A phrase that states an act; `negative` cues carry their own negation ("no food", "без воды"). */
export interface ActCue {
  type: ActType;
  re: RegExp;
  negative?: boolean;
}

const w = (s: string) => new RegExp(`(?<![\\p{L}])(?:${s.replace(/~/g, '\\p{L}*')})(?![\\p{L}])`, 'giu');

/**
 * Cue phrases for the controlled vocabulary of acts, in English, Russian and Ukrainian.
 * Written for Vigil from the vocabulary of human-rights reporting on detained servicemen
 * (the HURIDOCS act types in src/domain/vocabularies.ts); `~` stands for any word ending.
 */
export const ACT_CUES: ActCue[] = [
  {
    type: 'arbitrary_detention',
    re: w(
      'held captive|held in|(?:are|were|is|was|being|been) held|detain~|detention|locked (?:up|in)|imprison~|in custody|kept in|basements?|pits?|удержива~|держат|держали|содерж(?:ат|али|ится|атся)|заперл~|запер|подвал~|ям[аеуы]|задержан~|лишени~ свободы|утриму~|тримають|тримали|підвал~|замкну~|сизо|сізо|в плену у своих',
    ),
  },
  {
    type: 'incommunicado_detention',
    re: w(
      "no contact|cut off from|not allowed to (?:call|contact)|(?:don't|do not|did not) know where|whereabouts (?:are |is )?unknown|без связи|не выход~ на связь|не знаю?т?,? где наход~|не знаю?,? де знаход~|не знають,? де|не виход~ на зв'язок|без зв'язку|забрали телефон~|отобрали телефон~|відібрали телефон~|took (?:away )?(?:their |his )?phones|phones were (?:taken|confiscated)",
    ),
    negative: true,
  },
  {
    type: 'enforced_disappearance',
    re: w('disappeared|went missing|whereabouts|пропал~ без вести|исчез~|зник~ безвісти|зникл~'),
  },
  {
    type: 'threat_of_execution',
    re: w(
      'firing squad|(?:would|will|might|could) be (?:shot|executed)|threaten~ (?:\\p{L}+ )?(?:with )?(?:execution|shooting)|расстрел~|расстреля(?:ют|ем)|обнул(?:ят|им|ить)|розстріл~|розстріляють',
    ),
  },
  {
    type: 'threat_of_violence',
    re: w(
      'threaten~ (?:\\p{L}+ )?(?:to beat|with (?:violence|reprisals|beatings|torture|prison))|threats of violence|угрожа~ (?:\\p{L}+ )?(?:избиением|расправой|пытками|тюрьмой)|запугива~ (?:\\p{L}+ )?(?:\\p{L}+ )?(?:\\p{L}+ )?тюрьмой|погрожува~ (?:\\p{L}+ )?(?:побиттям|розправою|тюрмою)',
    ),
  },
  {
    type: 'torture',
    re: w('tortur~|пытк~|пыта(?:ли|ют)|катува~|катують|тортур~|electric shocks?|током|струмом'),
  },
  {
    type: 'beating',
    re: w(
      "beat(?:en|ing|ings)?|beat (?:\\p{L}+ )?up|избива~|избил~|избит~|бьют|побои|побит~|б'ють|побиття|побили",
    ),
  },
  {
    type: 'ill_treatment',
    re: w(
      'humiliat~|derogatory|insult~|abus(?:e|ed|ive)|унижа~|унижени~|оскорбл~|издева~|знущ~|принижу~|приниж~',
    ),
  },
  {
    type: 'denial_of_food',
    re: w(
      '(?:no|without|little) food|not (?:being )?fed|getting no food|starv~|без еды|без пищи|не корм(?:ят|или)|морят голодом|без їжі|не годують|морять голодом',
    ),
    negative: true,
  },
  {
    type: 'denial_of_water',
    re: w(
      '(?:no|without) (?:drinking )?water|без воды|без питьевой воды|не дают пить|без води|без питної води',
    ),
    negative: true,
  },
  {
    type: 'denial_of_hygiene',
    re: w(
      '(?:no|without) (?:personal )?hygiene|hygiene items|не дают мыться|без гигиен~|средств~ гигиен~|без гігієн~|засоб~ гігієн~|не дають митися',
    ),
    negative: true,
  },
  {
    type: 'denial_of_medical_care',
    re: w(
      '(?:no|without|denied|den(?:y|ies|ying)) (?:\\p{L}+ )?medical (?:care|help|assistance|treatment)|без медицинской помощи|не оказыва~ медицинск~|без медичної допомоги|не нада~ медичн~',
    ),
    negative: true,
  },
  {
    type: 'forced_return_to_combat',
    re: w(
      'forc~ (?:\\p{L}+ )?back (?:into|to) (?:combat|the front)|sent (?:\\p{L}+ )?back to the front|отправ~ обратно на (?:передовую|фронт|позиции)|вернули на передовую|возвраща~ на передовую|повернули на фронт|відправ~ назад на (?:фронт|позиції)',
    ),
  },
  {
    type: 'forced_labour',
    re: w(
      'forced (?:labou?r|to (?:dig|build|work))|slave labou?r|принудительн~ труд~|заставля~ (?:\\p{L}+ )?(?:рыть|копать|строить|работать)|примусов~ прац~|змушу~ (?:\\p{L}+ )?(?:копати|рити|будувати|працювати)',
    ),
  },
  {
    type: 'unlawful_mobilization',
    re: w(
      '(?:illegal|unlawful)(?:ly)? (?:mobiliz|mobilis|draft|conscript)~|незаконн~ (?:мобилиз|призва|мобіліз)~',
    ),
  },
  {
    type: 'mobilization_despite_exemption',
    re: w(
      'exempt~|exemptions?|deferments?|deferrals?|брон[ьиюе]|отсрочк~|бронювання|заброньован~|відстрочк~',
    ),
  },
  {
    type: 'inadequate_training',
    re: w(
      'without (?:\\p{L}+ )?(?:\\p{L}+ )?training|no training|untrained|all their training|без подготовки|без обучения|не обучен~|без підготовки|без навчання|не навчен~',
    ),
    negative: true,
  },
  {
    type: 'extortion',
    re: w('extort~|bribes?|pay (?:\\p{L}+ )?to be released|вымога~|взятк~|вимага~ (?:\\p{L}+ )?грош~|хабар~'),
  },
  {
    type: 'confiscation_of_documents_or_phones',
    re: w(
      '(?:took|taken|confiscated|seized) (?:away )?(?:their |his )?(?:phones|documents|passports|military IDs?)|(?:phones|documents|passports) (?:were|was) (?:taken|confiscated|seized)|(?:забрали|отобрали|изъяли) (?:\\p{L}+ )?(?:телефон|документ|паспорт)~|(?:забрали|відібрали|вилучили) (?:\\p{L}+ )?(?:телефон|документ|паспорт)~',
    ),
    negative: true,
  },
  {
    type: 'extrajudicial_killing',
    re: w('(?:were|was) (?:shot dead|executed|killed) by|shot dead|расстреляли|убили своих|розстріляли'),
  },
  {
    type: 'criminal_prosecution',
    re: w(
      'criminal (?:case|charges?|proceedings)|charged with|prosecuted|sentenced|convicted|уголовн~ дел~|осужд~|приговор~|кримінальн~ справ~|вирок~|засуджен~',
    ),
  },
  {
    type: 'pressure_to_withdraw_refusal',
    re: w(
      'withdraw (?:\\p{L}+ )?(?:statements|refusals?|reports)|pressur~|persuad~|заставить отказаться|давят|давили|давлени~|уговарива~|склоня~|запугива~|схиляють|схиляли|тиснуть|тиснули|тиск~|відмов~ від рапорт~',
    ),
  },
];

/** Words that cancel a following cue ("were not beaten", "не били", "ніхто не"). */
export const NEGATION =
  /(?:^|[^\p{L}])(?:not|never|no one|nobody|n['’]t|не|ни|нет|никто|ні|ніхто|жодн\p{L}*)\s+(?:\p{L}+\s+)?$/iu;
/** Words that make a clause hypothetical or a threat ("if they refuse they will be…", "грозили"). */
export const IRREALIS =
  /(?<![\p{L}])(?:if|unless|otherwise|would|might|will be|could|threat\w*|promised|если|иначе|в случае|грози\p{L}*|угрож\p{L}*|обеща\p{L}*|пообеща\p{L}*|якщо|інакше|у разі|погрож\p{L}*|обіця\p{L}*|пообіця\p{L}*)(?![\p{L}])/iu;
