import type { ExtractedOrgKind } from './types.js';

/** A known organization: canonical English name, kind, and the ways texts name it. */
export interface OrgEntry {
  name: string;
  kind: ExtractedOrgKind;
  /** Patterns over the original text; stems cover inflected forms. */
  patterns: RegExp[];
  /** Recipients of appeals that are not listed as organizations of the report (e.g. "the command"). */
  appealOnly?: boolean;
}

const L = '\\p{L}*';
const ci = (s: string) => new RegExp(`(?<![\\p{L}\\d])(?:${s.replace(/~/g, L)})(?![\\p{L}\\d])`, 'giu');
const cs = (s: string) => new RegExp(`(?<![\\p{L}\\d])(?:${s.replace(/~/g, L)})(?![\\p{L}\\d])`, 'gu');

/**
 * State bodies, international bodies, armed groups, media and NGOs that reports on detained
 * servicemen cite, with their names in English, Russian and Ukrainian. Compiled for Vigil from
 * the bodies' own published names and common press usage; case-sensitive patterns are
 * acronyms or names that are also common words ("Сирена", "Memorial").
 */
export const ORG_LEXICON: OrgEntry[] = [
  // Ukrainian bodies first: at one position the earlier entry wins over the generic Russian ones
  // ("Prosecutor General's Office", "уповноважений з прав людини") below.
  {
    name: 'State Bureau of Investigation of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        'state bureau of investigations?(?: of ukraine)?|державн~ бюро розслідувань|государственн~ бюро расследований(?: украины)?',
      ),
      cs('ДБР'),
    ],
  },
  {
    name: 'Office of the Prosecutor General of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        "office of the prosecutor general(?: of ukraine)?|prosecutor general'?s office of ukraine|офіс~ генеральн~ прокурор~|офіс~ генпрокурор~|офис~ генеральн~ прокурор~(?: украины)?|генеральн~ прокуратур~ (?:україни|украины)",
      ),
      cs('ОГП'),
    ],
  },
  {
    name: 'Ukrainian Parliament Commissioner for Human Rights',
    kind: 'state_body',
    patterns: [
      ci(
        'ukrainian parliament commissioner for human rights|verkhovna rada commissioner for human rights|уповноважен~ верховн~ ради(?: україни)? з прав людини|уполномоченн~ верховн~ рады(?: украины)? по правам человека|омбудсмен~ (?:україни|украины)',
      ),
    ],
  },
  {
    name: 'Investigative Committee of Russia',
    kind: 'state_body',
    // Its military investigative directorates and departments (ГВСУ, ВСУ СК, ВСО) are named
    // as "the Investigative Committee" in annotations and appeals alike.
    patterns: [
      ci(
        'investigative committee|(?:main )?military investigat~ (?:directorate|department)|следственн~ комитет~|слідч~ комітет~|(?:главн~ )?военн~ следственн~ (?:управлени~|отдел~)(?: (?:СК|СКР)(?: России| РФ)?)?|(?:головн~ )?військов~ слідч~ (?:управлінн~|відділ~)(?: (?:СК|СКР)(?: Росії| РФ)?)?',
      ),
      cs('СК(?: России| Росії| РФ)?|СКР|SK RF|ГВСУ(?: СК)?|ВСУ СК(?: России| РФ)?|ВСО СК|GVSU'),
    ],
  },
  {
    name: "Main Military Prosecutor's Office",
    kind: 'state_body',
    patterns: [
      ci('main military prosecutor~|главн~ военн~ прокуратур~|головн~ військов~ прокуратур~'),
      cs('ГВП'),
    ],
  },
  {
    name: "Military Prosecutor's Office",
    kind: 'state_body',
    patterns: [
      ci(
        'military prosecutor~|военн~ прокуратур~|военн~ прокурор~|військов~ прокуратур~|військов~ прокурор~',
      ),
    ],
  },
  {
    name: "Prosecutor General's Office of Russia",
    kind: 'state_body',
    patterns: [
      ci('prosecutor general~|general prosecutor~|генпрокуратур~|генеральн~ прокуратур~|генпрокурор~'),
    ],
  },
  {
    name: "Prosecutor's Office",
    kind: 'state_body',
    patterns: [ci("prosecutor'?s office|prosecutors|прокуратур~|прокурор~")],
  },
  {
    // Ukraine's regional military administrations (ОВА), set up under martial law.
    name: 'Regional Military Administration',
    kind: 'state_body',
    patterns: [
      ci(
        'regional military administration|oblast military administration|областн~ военн~ администраци~|обласн~ військов~ адміністраці~',
      ),
      cs('ОВА'),
    ],
  },
  {
    name: 'Regional Administration',
    kind: 'state_body',
    patterns: [
      ci(
        'regional administration|oblast administration|областн~ администраци~|администраци~ област~|обладминистраци~|правительств~ област~|обласн~ (?:державн~ )?адміністраці~|адміністраці~ област~|облдержадміністраці~',
      ),
      cs('ОДА'),
    ],
  },
  {
    // Named as a recipient ("wrote to the governor"); the person, if named, is found as a person.
    name: 'Governor',
    kind: 'state_body',
    appealOnly: true,
    patterns: [ci('governor~|губернатор~')],
  },
  {
    name: 'Ministry of Defence of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        "ministry of defen[cs]e of ukraine|ukrain~ (?:ministry of defen[cs]e|defen[cs]e ministry)|ukraine['’]s (?:ministry of defen[cs]e|defen[cs]e ministry)|министерств~ обороны украины|минобороны украины|міністерств~ оборони україни|міноборони україни",
      ),
    ],
  },
  {
    name: 'UK Ministry of Defence',
    kind: 'state_body',
    patterns: [
      ci(
        "(?:uk|british) (?:ministry of defen[cs]e|defen[cs]e ministry)|britain['’]s (?:ministry of defen[cs]e|defen[cs]e ministry)|британск~ (?:министерств~ обороны|минобороны)|минобороны великобритании|британськ~ (?:міністерств~ оборони|міноборони)|міноборони (?:великої )?британії",
      ),
    ],
  },
  {
    name: 'Ministry for Reintegration of the Temporarily Occupied Territories',
    kind: 'state_body',
    patterns: [
      ci(
        'ministry (?:for|of) (?:the )?reintegration~(?: of the temporarily occupied territories)?|мінреінтеграці~|міністерств~ (?:з питань )?реінтеграці~ тимчасово окупован~ територій|минреинтеграци~',
      ),
    ],
  },
  {
    name: 'General Staff of the Armed Forces of Ukraine',
    kind: 'military',
    patterns: [
      ci(
        'general staff of (?:the )?(?:armed forces of ukraine|ukrainian armed forces)|ukrain~ general staff|генеральн~ штаб~ (?:ЗСУ|збройних сил україни)|генштаб~ (?:ЗСУ|україни)|генштаб~ всу|генштаб~ вооруж~ сил украины',
      ),
    ],
  },
  {
    name: 'General Staff of the Armed Forces of Russia',
    kind: 'military',
    patterns: [
      ci(
        "general staff of (?:the )?(?:russian armed forces|armed forces of russia)|russia['’]s general staff|russian general staff|генеральн~ штаб~(?: (?:вооруж~ сил )?(?:росси~|РФ))?|генштаб~(?: (?:росси~|РФ|ВС РФ))?|генштаб~ (?:росії|РФ)",
      ),
    ],
  },
  {
    name: 'Armed Forces of Ukraine',
    kind: 'military',
    patterns: [
      ci('armed forces of ukraine|ukrainian armed forces|збройн~ сил~ україни|вооруж~ сил~ украины'),
      cs('ЗСУ|ВСУ'),
    ],
  },
  {
    // The minister is addressed for the ministry ("I ask the defence minister to help us").
    name: 'Ministry of Defence of Russia',
    kind: 'state_body',
    appealOnly: true,
    patterns: [ci('defen[cs]e minister|minister of defen[cs]e|министр~ обороны|міністр~ оборони')],
  },
  {
    name: 'Ministry of Defence of Russia',
    kind: 'state_body',
    patterns: [
      ci(
        'ministry of defen[cs]e|defen[cs]e ministry|министерств~ обороны|минобороны|міністерств~ оборони|міноборони',
      ),
      cs('MoD|МО РФ'),
    ],
  },
  {
    name: 'Human Rights Commissioner',
    kind: 'state_body',
    patterns: [
      ci(
        'ombudsm[ae]n|ombudsperson|human rights commissioner|commissioner for human rights|уполномоченн~ по правам человека|омбудсмен~|омбудсман~|уповноважен~ (?:верховної ради )?(?:україни )?з прав людини',
      ),
    ],
  },
  {
    name: 'Federal Security Service',
    kind: 'state_body',
    patterns: [ci('federal security service|федеральн~ служб~ безопасности'), cs('FSB|ФСБ')],
  },
  {
    name: 'Military Police',
    kind: 'military',
    patterns: [
      ci('military police~|военн~ полици~|военн~ полицейск~|військов~ поліці~|військов~ поліцейськ~'),
    ],
  },
  {
    name: 'Rosgvardia',
    kind: 'military',
    patterns: [ci('rosgvard~|national guard of russia|росгварди~|росгварді~')],
  },
  {
    name: 'Ministry of Internal Affairs of Russia',
    kind: 'state_body',
    patterns: [ci('interior ministry|ministry of internal affairs'), cs('МВД')],
  },
  {
    name: 'Military Commissariat',
    kind: 'state_body',
    patterns: [
      ci(
        'military commissariat~|military enlistment offices?|draft offices?|enlistment offices?|военкомат~|военн~ комиссариат~|військкомат~|територіальн~ центр~ комплектування',
      ),
      cs('ТЦК'),
    ],
  },
  {
    name: 'Military Court',
    kind: 'state_body',
    patterns: [ci('military court~|garrison court~|гарнизонн~ военн~ суд~|военн~ суд~|військов~ суд~')],
  },
  {
    name: 'Security Council of Russia',
    kind: 'state_body',
    patterns: [ci('security council|совбез~|совет~ безопасности')],
  },
  {
    name: 'Presidential Administration of Russia',
    kind: 'state_body',
    patterns: [
      ci('presidential administration|kremlin(?!-)|администраци~ президента|кремл~|адміністраці~ президента'),
    ],
  },
  {
    name: 'President of Russia',
    kind: 'state_body',
    appealOnly: true,
    patterns: [
      ci(
        'president of russia|russian president|president of (?:our|the) country|the president|президент~ (?:россии|рф|российской федерации|нашей страны)|президенту|президента',
      ),
      cs('Putin|Путин~'),
    ],
  },
  {
    name: 'State Duma',
    kind: 'state_body',
    patterns: [ci('state duma|госдум~|государственн~ дум~|держдум~')],
  },
  {
    name: 'Russian military command',
    kind: 'military',
    appealOnly: true,
    patterns: [
      ci(
        'military (?:leadership|command)|(?:the|their|his) command(?:ers?)?|командовани~|командуванн~|командир~ част~|(?:военн~ )?начальств~|(?:військов~ )?начальств~',
      ),
    ],
  },
  {
    name: 'Defence Intelligence of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        "defen[cs]e intelligence (?:directorate )?of ukraine|ukraine['’]s (?:military|defen[cs]e) intelligence|головн~ управлінн~ розвідки|главн~ управлени~ разведки (?:министерства обороны )?украины",
      ),
      cs('ГУР(?: МО| Міноборони| МОУ)?|HUR|GUR'),
    ],
  },
  {
    name: 'Ministry of Internal Affairs of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        "ministry of internal affairs of ukraine|ukrain~ (?:interior ministry|ministry of internal affairs)|ukraine['’]s interior ministry|міністерств~ внутрішніх справ|МВС україни|министерств~ внутренних дел украины|МВД украины",
      ),
      cs('МВС'),
    ],
  },
  {
    name: 'National Police of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        'national police of ukraine|ukrainian national police|національн~ поліці~|национальн~ полици~ украины|нацполіці~',
      ),
    ],
  },
  {
    name: 'Office of the President of Ukraine',
    kind: 'state_body',
    patterns: [
      ci(
        "office of the president of ukraine|ukrain~ presidential office|president zelensky['’]s office|офіс~ президента(?: україни)?|офис~ президента украины",
      ),
    ],
  },
  {
    name: 'Verkhovna Rada',
    kind: 'state_body',
    patterns: [
      ci('verkhovna rada|ukrain~ parliament|верховн~ рад~(?! україни з прав)|верховн~ рад~ украины'),
    ],
  },
  {
    name: 'Security Service of Ukraine',
    kind: 'state_body',
    patterns: [ci('security service of ukraine|служб~ безпеки україни'), cs('SBU|СБУ')],
  },
  {
    name: 'Coordination Headquarters for the Treatment of Prisoners of War',
    kind: 'state_body',
    patterns: [ci('coordination headquarters|координаційн~ штаб~|координационн~ штаб~')],
  },
  {
    name: 'ICRC',
    kind: 'other',
    patterns: [
      ci('international committee of the red cross|red cross|красн~ крест~|червон~ хрест~'),
      cs('ICRC|МККК'),
    ],
  },
  {
    name: 'UN Working Group on Arbitrary Detention',
    kind: 'other',
    patterns: [
      ci('working group on arbitrary detention|рабоч~ групп~ по произвольн~ задержани~'),
      cs('WGAD'),
    ],
  },
  {
    name: 'OHCHR',
    kind: 'other',
    patterns: [
      ci(
        'office of the (?:un )?high commissioner for human rights|un human rights office|управлени~ верховного комиссара|управлінн~ верховного комісара',
      ),
      cs('OHCHR|УВКПЧ'),
    ],
  },
  {
    name: 'United Nations',
    kind: 'other',
    patterns: [ci('united nations|организаци~ объединенных наций'), cs('UN|ООН')],
  },
  {
    name: 'European Court of Human Rights',
    kind: 'other',
    patterns: [
      ci('european court of human rights|европейск~ суд~ по правам человека|європейськ~ суд~ з прав людини'),
      cs('ECHR|ЕСПЧ|ЄСПЛ'),
    ],
  },
  {
    name: 'Wagner Group',
    kind: 'armed_group',
    patterns: [ci('wagner|вагнер~|пвк «?вагнер~»?|чвк «?вагнер~»?')],
  },
  { name: 'Storm-Z', kind: 'armed_group', patterns: [ci('storm[- ]?z|шторм[- ]?z|шторм[- ]?зет')] },
  { name: 'Akhmat', kind: 'armed_group', patterns: [cs('Akhmat|Ахмат~')] },
  // Media
  { name: 'VKontakte', kind: 'company', patterns: [cs('VKontakte|«?ВКонтакт~»?')] },
  {
    name: 'United Russia',
    kind: 'other',
    patterns: [cs('United Russia|«?Един~ Росси[ия]»?|«?Єдин~ Росі[їя]»?')],
  },
  { name: 'Meduza', kind: 'media', patterns: [cs('Meduza|Медуз[аеуыой]')] },
  { name: 'Mediazona', kind: 'media', patterns: [cs('Mediazona|MediaZona|Медиазон~|Медіазон~')] },
  { name: 'The Insider', kind: 'media', patterns: [cs('The Insider|Insider|(?:«)?The Insider(?:»)?')] },
  {
    name: 'IStories',
    kind: 'media',
    patterns: [cs('IStories|iStories|Important Stories|Важн~ истори~|Важлив~ історі~')],
  },
  { name: 'Current Time', kind: 'media', patterns: [cs('Current Time|Настоящ~ [Вв]рем~|Теперішн~ час~')] },
  { name: 'Sirena', kind: 'media', patterns: [cs('Sirena|Siren|Сирен[аеуыой]|Сирена')] },
  {
    name: 'Novaya Gazeta',
    kind: 'media',
    patterns: [cs('Novaya Gazeta(?: Europe)?|Нов[аяойуюеі]{2} [Гг]азет~(?:[.\\s]Европа)?')],
  },
  { name: 'BBC', kind: 'media', patterns: [cs('BBC(?: News)?(?: Russian)?|Би-би-си|Бі-бі-сі|ВВС')] },
  { name: 'Verstka', kind: 'media', patterns: [cs('Verstka|В[её]рстк~')] },
  {
    name: 'Radio Liberty',
    kind: 'media',
    patterns: [cs('Radio Liberty|Radio Free Europe|RFE/RL|Radio Svoboda|Радио Свобод~|Радіо Свобод~')],
  },
  { name: 'TV Rain', kind: 'media', patterns: [cs('TV Rain|Dozhd|Дожд[ьяюе]')] },
  { name: 'Astra', kind: 'media', patterns: [cs('ASTRA|Astra|«Астр~»')] },
  { name: 'Agentstvo', kind: 'media', patterns: [cs('Agentstvo|«Агентств~»')] },
  { name: 'The Moscow Times', kind: 'media', patterns: [cs('(?:The )?Moscow Times')] },
  { name: 'Holod', kind: 'media', patterns: [cs('Holod|«Холод~»')] },
  { name: 'Vot Tak', kind: 'media', patterns: [cs('Vot Tak|«Вот [Тт]ак»')] },
  { name: 'Suspilne', kind: 'media', patterns: [cs('Suspilne|Суспільн[ео]')] },
  { name: 'Ukrainska Pravda', kind: 'media', patterns: [cs('Ukrainska Pravda|Українськ~ [Пп]рав~')] },
  { name: 'Hromadske', kind: 'media', patterns: [cs('Hromadske|Громадськ[ео]')] },
  // Ukrainian outlets reports cite as their source, in the forms a sentence gives them.
  { name: 'UNIAN', kind: 'media', patterns: [cs('UNIAN|УНІАН~|УНИАН~')] },
  { name: 'Ukrinform', kind: 'media', patterns: [cs('Ukrinform|Укрінформ~|Укринформ~')] },
  { name: 'TSN', kind: 'media', patterns: [cs('TSN|ТСН')] },
  { name: 'RBC-Ukraine', kind: 'media', patterns: [cs('RBC-Ukraine|РБК-Україн~|РБК-Украин~')] },
  { name: 'Censor.net', kind: 'media', patterns: [cs('Censor\\.net|Цензор\\.НЕТ|Цензор\\.нет')] },
  { name: 'Espreso', kind: 'media', patterns: [cs('Espreso|Еспресо|Эспрессо')] },
  { name: 'Channel 24', kind: 'media', patterns: [cs('24 Kanal|Channel 24|24 [Кк]анал~')] },
  { name: 'Obozrevatel', kind: 'media', patterns: [cs('OBOZREVATEL|Obozrevatel|ОБОЗРЕВАТЕЛЬ')] },
  { name: 'Dzerkalo Tyzhnia', kind: 'media', patterns: [cs('ZN\\.UA|Дзеркал~ тижня|Зеркал~ недели')] },
  { name: 'Kyiv Independent', kind: 'media', patterns: [cs('(?:The )?Kyiv Independent')] },
  { name: 'Kyiv Post', kind: 'media', patterns: [cs('Kyiv Post')] },
  { name: 'Detector Media', kind: 'media', patterns: [cs('Detector Media|Детектор медіа|Детектор медиа')] },
  { name: 'Novynarnia', kind: 'media', patterns: [cs('Novynarnia|Новинарн~')] },
  { name: 'Reuters', kind: 'media', patterns: [cs('Reuters|Рейтер~')] },
  { name: 'Associated Press', kind: 'media', patterns: [cs('Associated Press|AP')] },
  { name: 'Kommersant', kind: 'media', patterns: [cs('Kommersant|Коммерсант~')] },
  { name: 'RBC', kind: 'media', patterns: [cs('RBC|РБК')] },
  { name: 'Fontanka', kind: 'media', patterns: [cs('Fontanka|Фонтанк~')] },
  {
    name: 'Sibir.Realii',
    kind: 'media',
    patterns: [cs('Sibir\\.Realii|Siberia\\.Realities|Сибирь\\.Реалии')],
  },
  { name: 'Sever.Realii', kind: 'media', patterns: [cs('Sever\\.Realii|North\\.Realities|Север\\.Реалии')] },
  { name: 'Idel.Realii', kind: 'media', patterns: [cs('Idel\\.Realii|Idel\\.Realities|Идель\\.Реалии')] },
  {
    name: 'Kavkaz.Realii',
    kind: 'media',
    patterns: [cs('Kavkaz\\.Realii|Caucasus\\.Realities|Кавказ\\.Реалии')],
  },
  { name: 'Ostorozhno Novosti', kind: 'media', patterns: [cs('Ostorozhno Novosti|Осторожно,? [Нн]овости')] },
  // NGOs and investigative groups
  { name: 'ZMINA', kind: 'ngo', patterns: [cs('ZMINA|Zmina|ЗМІНА|«Зміна»')] },
  {
    name: 'Conflict Intelligence Team',
    kind: 'ngo',
    patterns: [cs('Conflict Intelligence Team|CIT|Conflict Intelligence')],
  },
  { name: 'Memorial', kind: 'ngo', patterns: [cs('Memorial|«?Мемориал~»?|«?Меморіал~»?')] },
  { name: 'OVD-Info', kind: 'ngo', patterns: [cs('OVD-Info|ОВД-Инфо|ОВД-Інфо')] },
  {
    // Named as it names itself in English-language press (romanized, like the media above).
    name: 'Idite Lesom',
    kind: 'ngo',
    patterns: [cs('Idite Lesom|Go by the Forest|Get Lost|«?Идите лесом»?|«?Ідіть лісом»?')],
  },
  {
    name: 'Movement of Conscientious Objectors',
    kind: 'ngo',
    patterns: [
      ci(
        'movement of conscientious objectors|conscientious objectors movement|движени~ сознательн~ отказчик~|рух~ свідом~ відмовник~',
      ),
    ],
  },
  {
    name: "Committee of Soldiers' Mothers",
    kind: 'ngo',
    patterns: [ci("soldiers'? mothers|комитет~ солдатск~ матер~|солдатськ~ матер~")],
  },
  {
    name: 'Citizen. Army. Law',
    kind: 'ngo',
    patterns: [ci('citizen\\. army\\. law|гражданин\\. армия\\. право')],
  },
  {
    name: 'Human Rights Watch',
    kind: 'ngo',
    patterns: [cs('Human Rights Watch|HRW|Хьюман [Рр]айтс [Вв]отч')],
  },
  {
    name: 'Amnesty International',
    kind: 'ngo',
    patterns: [cs('Amnesty International|Amnesty|Международн~ [Аа]мнисти|Амністі~')],
  },
  { name: 'I Want to Live', kind: 'ngo', patterns: [cs('I Want to Live|«Хочу жить»|«Хочу жити»')] },
  { name: 'Way Home', kind: 'ngo', patterns: [cs('Way Home|«Путь домой»|«Шлях додому»')] },
  { name: 'Russia Behind Bars', kind: 'ngo', patterns: [cs('Russia Behind Bars|«Русь [Сс]идящая»')] },
  { name: 'Agora', kind: 'ngo', patterns: [cs('Agora|«Агора»')] },
  {
    name: 'Media Initiative for Human Rights',
    kind: 'ngo',
    patterns: [cs('Media Initiative for Human Rights|MIHR|Медійн~ ініціатив~ за права людини')],
  },
];
