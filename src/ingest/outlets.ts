import type { ExtractedOrgKind } from './types.js';

/** An organization named by the way the text introduces it, not by a lexicon entry. */
export interface NamedOrganization {
  name: string;
  kind: ExtractedOrgKind;
  start: number;
  end: number;
  rule: string;
}

// Words that introduce the name of an outlet or an association; up to three words may stand
// between the cue and a quoted name ("российское опозиционное издание «Вёрстка»").
const OUTLET_NOUN =
  'outlet|newspaper|publication|media project|news site|website|channel|издани\\p{L}*|газет\\p{L}*|телеканал\\p{L}*|канал\\p{L}*|портал\\p{L}*|сайт\\p{L}*|паблик\\p{L}*|проект\\p{L}*|видання|часопис\\p{L}*|проєкт\\p{L}*|телеграм-канал\\p{L}*|telegram-канал\\p{L}*';
const ASSOCIATION_NOUN =
  'NGO|organi[sz]ation|group|charity|foundation|movement|initiative|организаци\\p{L}*|объединени\\p{L}*|движени\\p{L}*|фонд\\p{L}*|сообществ\\p{L}*|инициатив\\p{L}*|організаці\\p{L}*|об.єднанн\\p{L}*|рух\\p{L}*|спільнот\\p{L}*|ініціатив\\p{L}*';
// Verbs of publishing: the quoted name after them is the outlet ("пише «Верстка»").
const PUBLISH_VERB =
  'пишет|писал\\p{L}*|сообщает|сообщил\\p{L}*|публикует|опубликовал\\p{L}*|пише|писал\\p{L}*|повідомляє|повідомив\\p{L}*|публікує|опублікував\\p{L}*';
const QUOTED = '[«"“„]([^»"”“\\n]{2,50})[»"”“]';

const QUOTED_AFTER_CUE = new RegExp(
  `(?<![\\p{L}])(?:(${OUTLET_NOUN}|${PUBLISH_VERB})|(${ASSOCIATION_NOUN}))(?:\\s+[\\p{L}-]+){0,3}?\\s+${QUOTED}`,
  'giu',
);
// A Latin-script name after an outlet or association noun in English ("the NGO Conscript School",
// "news outlet Verstka").
const LATIN_NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:of|for|the|and|\\p{Lu}[\\p{L}.'’-]*)){0,4}";
const NAME_AFTER_NOUN = new RegExp(
  `(?<![\\p{L}])(?:(outlet|newspaper|publication|media project|news site|website|channel)|(NGO|organi[sz]ation|charity|foundation|movement|initiative))\\s+(${LATIN_NAME})`,
  'gu',
);
// A Latin-script name in Cyrillic text, after a word of speaking to or for an outlet ("у
// коментарі Politico", "рассказал BBC").
const LATIN_AFTER_SPEECH =
  /(?<![\p{L}])(?:коментар\p{L}*|комментари\p{L}*|интервью|інтерв.ю|для|изданию|виданню|рассказал\p{L}*|розповів\p{L}*|розповіла|заявил\p{L}*|заявив\p{L}*|пишет|пише|сообщает|повідомляє|данным|даними)\s+(\p{Script=Latin}[\p{Script=Latin}.-]+(?:\s+\p{Lu}\p{Script=Latin}+){0,2})/gu;
// English names built like an outlet's ("The Washington Post", "Kyiv Independent") or an
// institution's ("Museum of Civilian Voices", "Rinat Akhmetov Foundation", "Council of Soldiers'
// Mothers", "United Russia" is left to the lexicon).
const MASTHEAD =
  /(?<![\p{L}])(?:The\s+)?(?:\p{Lu}\p{L}+\s+){1,2}(?:Post|Times|Guardian|Journal|Telegraph|Herald|Tribune|Gazette|Independent|Pravda)(?![\p{L}])/gu;
const INSTITUTION_HEAD =
  'Foundation|Fund|Institute|Museum|Centre|Center|Council|School|Union|Movement|Association';
const INSTITUTION = new RegExp(
  `(?<![\\p{L}])(?:(?:(?!The\\s)\\p{Lu}\\p{L}+\\s+){1,3}(?:${INSTITUTION_HEAD})|(?:${INSTITUTION_HEAD})\\s+(?:of|for)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’]*(?:\\s+\\p{Lu}[\\p{L}'’]*){0,2})(?![\\p{L}])`,
  'gu',
);
// Words that open sentences or name places rather than institutions.
const NOT_A_NAME = /^(?:The|A|An|This|That|In|On|At|For|Of|And|But|He|She|They|We|It)\s+/u;

function trimmed(name: string): string {
  return name
    .replace(NOT_A_NAME, '')
    .replace(/['’]s$/u, '')
    .replace(/[.,]$/u, '')
    .trim();
}

/**
 * Outlets and associations named as the text introduces them: a quoted name after a word for
 * an outlet, an association or a verb of publishing; a Latin name after such a noun in English
 * or after a word of speaking in Cyrillic text; mastheads and institution names built on their
 * head word. The lexicon (org-lexicon.ts) knows the frequent ones; these find the rest.
 */
export function findNamedOrganizations(text: string): NamedOrganization[] {
  const out: NamedOrganization[] = [];
  const add = (name: string, kind: ExtractedOrgKind, at: number, rule: string) => {
    const clean = trimmed(name);
    if (clean.length < 2 || !/\p{Lu}/u.test(clean[0])) return;
    const start = at + name.indexOf(clean);
    out.push({ name: clean, kind, start, end: start + clean.length, rule });
  };
  for (const m of text.matchAll(QUOTED_AFTER_CUE)) {
    const name = m[3];
    add(
      name,
      m[1] ? 'media' : 'ngo',
      (m.index ?? 0) + m[0].lastIndexOf(name),
      'quoted name after an outlet or association word',
    );
  }
  for (const m of text.matchAll(NAME_AFTER_NOUN))
    add(
      m[3],
      m[1] ? 'media' : 'ngo',
      (m.index ?? 0) + m[0].lastIndexOf(m[3]),
      'name after an outlet or association word',
    );
  for (const m of text.matchAll(LATIN_AFTER_SPEECH))
    add(m[1], 'media', (m.index ?? 0) + m[0].lastIndexOf(m[1]), 'Latin name after a word of speaking');
  // A head word alone ("the Museum", "The Times") is not yet a name.
  const named = (m: RegExpMatchArray) => trimmed(m[0]).includes(' ');
  for (const m of text.matchAll(MASTHEAD)) if (named(m)) add(m[0], 'media', m.index ?? 0, 'masthead');
  for (const m of text.matchAll(INSTITUTION))
    if (named(m)) add(m[0], 'ngo', m.index ?? 0, 'institution head word');
  return out;
}
