// What "держать", "тримати" hold when they are not people: a weapon, a line, a position ("показали
// як тримати автомат", "держать оборону").
const NOT_HELD =
  "(?:автомат|зброю|оружие|оборону|позиці|позици|рубеж|лінію|линию|зв'язок|связь|кулак|слово|руку|руки|в руках|у руках)";

/**
 * Words that make a place a detention site when they stand near it: where people are held
 * (basement, pit, camp, pre-trial prison, guardhouse, training ground, military unit) and the
 * verbs of holding them. Written for this project from the vocabulary of reports on detained
 * refuseniks in English, Russian and Ukrainian; stems match inflected forms.
 */
export const DETENTION_CUES = new RegExp(
  String.raw`(?<!\p{L})(?:held(?!\s+(?:a|an|its|their|his|her|talks|meetings?|rall(?:y|ies)|elections?|press|the\s+(?:title|post|position|record|view)|up|back|accountable|responsible)\b)|holding(?!\s+(?:a|an|talks|meetings?|rall(?:y|ies)|elections?|press)\b)|detain\w*|detention|imprison\w*|prison\w*|jail\w*|locked|lock(?:s|ing)? up|kept|keep(?:s|ing)? (?:them|him|people|men)|captiv\w*|custody|basements?|cellars?|pits?|camps?|guardhouse|brig|sizo|pre-trial|confined|cage[sd]?|dungeon|hostage|удерж\p{L}*|содерж\p{L}*|держ(?:ат|али|ит|ал\p{L}*)(?!\p{L})(?!\s+${NOT_HELD})|задерж\p{L}*|заключ\p{L}*|заперт\p{L}*|запер\p{L}*|подвал\p{L}*|ям[аеуыой]\p{L}*|зиндан\p{L}*|лагер\p{L}*|сизо|гауптвахт\p{L}*|комендатур\p{L}*|плен\p{L}*|тюрьм\p{L}*|тюрем\p{L}*|клетк\p{L}*|изолятор\p{L}*|утриму\p{L}*|трима\p{L}*(?!\p{L})(?!\s+${NOT_HELD})|затрима\p{L}*|ув'язн\p{L}*|підвал\p{L}*|табор\p{L}*|табір\p{L}*|сізо|в'язниц\p{L}*|полон\p{L}*|колоні\p{L}*|колони[яиюе]\p{L}*|penal colon\p{L}*|комендатур\p{L}*|замкнул\p{L}*|заперли|відправляють до|відправили до)(?!\p{L})`,
  'iu',
);

/**
 * Weaker cues: places where people are kept without being jailed (training grounds, military
 * units, camps, "spent a week in"); enough to call a named place a detention site, not to
 * count the people there.
 */
export const KEEPING_CUES =
  /(?<!\p{L})(?:training grounds?|firing range|military unit|boot camp|полигон\p{L}*|воинск\p{L}* част\p{L}*|в\/ч|провел[аи]? (?:\p{L}+ )?(?:недел|дн|месяц|сут)\p{L}*|(?:недел|месяц|сутк|дн|тижд|місяц)\p{L}*[^.!?]{0,30}?(?:провел|провів|провел)\p{L}* (?:в|у|на)|spent (?:a|two|three|several|\d+) (?:days?|weeks?|months?) (?:in|at)|полігон\p{L}*|військов\p{L}* частин\p{L}*|в\/ч)(?!\p{L})/iu;

/** Words for settlement types that introduce a place name ("the village of", "в селе", "у місті"). */
export const SETTLEMENT_WORD =
  /^(?:village|town|city|settlement|hamlet|selo|settlement|село|селе|села|поселок|поселке|посёлке|поселка|деревн\p{L}*|город|городе|города|хутор\p{L}*|пгт|с|пос|г|м|смт|селі|селище|селищі|місто|місті|міста)$/iu;

/** Words for facilities that are detention sites in themselves when named ("парк «…»", "camp …"). */
export const FACILITY_WORD =
  /^(?:camp|base|park|training|ground|range|prison|colony|sizo|unit|лагер\p{L}*|парк\p{L}*|полигон\p{L}*|баз\p{L}*|колони\p{L}*|сизо|центр\p{L}*|табор\p{L}*|табір|полігон\p{L}*|сізо|в'язниц\p{L}*)$/iu;

/** Words for first-level regions ("Donetsk region", "Луганской области", "Приморского края"). */
export const REGION_WORD =
  /^(?:regions?|oblasts?|provinces?|krai|republic|област\p{L}*|обл|кра[йяюем]|республик\p{L}*|республі\p{L}*)$/iu;

/** Words that say a place is an origin, not where someone is held ("from", "из", "з", "родом"). */
export const ORIGIN_WORD =
  /^(?:from|native|из|изо|родом|уроженец|уроженк\p{L}*|з|із|зі|від|от|km|kilometers|kilometres|километрах|кілометрах|near|outside|возле|под|около|недалеко|вблизи|біля|поблизу|неподалік|під)$/iu;

/** Self-governing unrecognised "republics" and their oblasts. */
export const REGION_ALIASES: Record<string, string> = {
  днр: 'Donetsk Oblast',
  dnr: 'Donetsk Oblast',
  dpr: 'Donetsk Oblast',
  лнр: 'Luhansk Oblast',
  lnr: 'Luhansk Oblast',
  lpr: 'Luhansk Oblast',
  crimea: 'Crimea',
  крым: 'Crimea',
  крыму: 'Crimea',
  крим: 'Crimea',
  криму: 'Crimea',
};
