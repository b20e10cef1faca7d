import type { Language } from '../domain/vocabularies.js';
import { fold } from './fold.js';
import { givenNames, isKnownSurname, surnameAgrees, surnameNominative } from './morphology/names.js';
import {
  DETAINEE_CONTEXT,
  HEAD_BODIES,
  HEAD_TITLES,
  KIN,
  PERPETRATOR_CONTEXT,
  PUBLIC_OFFICIALS,
  SOLDIERS_AFTER_KIN,
  TITLE_ROLES,
} from './person-roles.js';
import { predictRole, roleFeatures, roleModel } from './role-model.js';
import type { Doc, Token } from './text.js';
import type { PersonItem, PersonRole } from './types.js';

interface Person {
  item: PersonItem;
  surnameKey: string;
  gender: 'masc' | 'femn' | null;
  roleFrom: 'title' | 'kin' | 'byline' | 'context' | 'none';
  contextVotes: { detainee: number; perpetrator: number };
}

function adjacent(doc: Doc, a: Token, b: Token): boolean {
  return a.sentence === b.sentence && /^[ \u00a0]$/.test(doc.text.slice(a.end, b.start));
}

function isNameToken(t: Token): boolean {
  return t.cap && !t.num && /^\p{Lu}\p{Ll}/u.test(t.text);
}

// Words between a name and a word for a group of relatives that make them not the same people:
// a conjunction or a possessive ("and his family", "и его родных", "та її рідні").
const NOT_APPOSITION = /^(?:and|his|her|their|и|его|её|ее|их|і|й|та|його|її|їх|свои\p{L}*|свої\p{L}*)$/iu;

function stripPossessive(s: string): string {
  return s.replace(/['’]s$/u, '');
}

// Role from a title or kinship word next to the mention; kinship decides by gender agreement:
// "её сын Илья" → Ilya is the son (a detainee), "Alexey's sister Ekaterina" → she is a relative.
function roleNear(
  doc: Doc,
  first: number,
  last: number,
  gender: 'masc' | 'femn' | null,
  nominative: boolean | null = null,
): { role: PersonRole; from: 'title' | 'kin'; cue: string } | null {
  const { tokens } = doc;
  const sentence = tokens[first].sentence;
  const around: Array<[number, number]> = [];
  for (let k = first - 1; k >= Math.max(0, first - 12) && tokens[k].sentence === sentence; k--)
    around.push([k, first - k]);
  for (let k = last + 1; k <= Math.min(tokens.length - 1, last + 6) && tokens[k].sentence === sentence; k++)
    around.push([k, k - last + 0.5]);
  around.sort((a, b) => a[1] - b[1]);
  for (const [k, distance] of around) {
    const w = tokens[k].norm;
    // "работал директором", "worked as a guard": a job the person had, not a part in the story.
    const workedAs = k > 0 && WORKED_AS.test(tokens[k - 1].norm);
    // A title may carry its body before the name ("Deputy Chairman of the Security Council X"), a
    // long one when nothing but words stands between them ("представниця Координаційного штабу
    // з питань поводження з військовополоненими Міноборони України X").
    const between = k < first ? doc.text.slice(tokens[k].end, tokens[first].start) : '';
    const kinOf = k < first ? kinBefore(doc, k) : -1;
    // After the name, an apposition set off by a comma may take a few more words ("X, the
    // family's lawyer", "X, the battalion commander").
    const after = k > last ? doc.text.slice(tokens[last].end, tokens[k].start) : '';
    const reach =
      k < first ? (kinOf < 0 && TITLE_BREAK.test(between) ? 7 : 12) : APPOSITION.test(after) ? 4.5 : 3;
    if (distance <= reach && !workedAs) {
      for (const [re, role] of kinOf >= 0 ? [...TITLE_ROLES, KIN_OF_SOLDIER] : TITLE_ROLES) {
        if (!re.test(w)) continue;
        // "заместитель командира батальона", "deputy commander": the deputy holds the role of the
        // title that follows.
        const next = tokens[k + 1];
        if (role === 'official' && DEPUTY.test(w) && next && next.sentence === sentence) {
          const deputyOf = TITLE_ROLES.find(([re2]) => re2.test(next.norm));
          if (deputyOf && deputyOf[1] === 'perpetrator')
            return { role: 'perpetrator', from: 'title', cue: next.text };
        }
        // "The wife of one serviceman, Valeria Sokolova", "брат мобилизованного Сергей Иванов",
        // "мати одного з військових, які ..., Олена": the kinship word belongs to the named
        // person, the soldier is someone else; but "мать мобилизованного Сергея" names the
        // soldier, in the case of the word for him. A name after "one of the soldiers" or a
        // woman's name after a word for a woman relative ("матері одного з військових Оксани")
        // cannot stand for the soldier whatever its case.
        if (
          role === 'detainee' &&
          kinOf >= 0 &&
          (/[,—–]/.test(between) ||
            nominative === true ||
            tokens.slice(kinOf + 1, k).some((t) => ONE_OF.test(t.norm)) ||
            (gender === 'femn' && KIN.some(([kin, g]) => g === 'femn' && kin.test(tokens[kinOf].norm))))
        )
          return { role: 'relative', from: 'kin', cue: tokens[kinOf].text };
        return { role, from: 'title', cue: tokens[k].text };
      }
      const head = HEAD_TITLES.find(([re]) => re.test(w));
      if (head) return { role: headRole(doc, k, first, head[1]), from: 'title', cue: tokens[k].text };
    }
    if (distance > KIN_REACH) continue;
    for (const [re, kinGender, role] of KIN) {
      if (!re.test(w)) continue;
      // "the mothers of Artyom Gorshenin": the named person is the one the relatives belong to.
      if (k < first && distance <= 3 && tokens.slice(k + 1, first).some((t) => t.norm === 'of'))
        return { role: role === 'relative' ? 'detainee' : 'relative', from: 'kin', cue: tokens[k].text };
      // A word for a group ("wives", "relatives") speaks of the person only in apposition:
      // "Elena Kashina, one of the spouses".
      if (!kinGender && (k < first ? distance > 1 : distance > 5)) continue;
      // "X, whose son was mobilized", "Y, чей сын": X is the relative of the one named by the word.
      if (k > last && tokens.slice(last + 1, k).some((t) => WHOSE.test(t.norm)))
        return { role: 'relative', from: 'kin', cue: tokens[k].text };
      // "Сергей рассказал, что его сына мобилизовали", "X said his son was held": the son is
      // someone else, whose relative X is.
      if (k > last && role === 'detainee' && kinGender && OWNER.test(tokens[k - 1].norm))
        return { role: 'relative', from: 'kin', cue: tokens[k].text };
      // "«Моего сына забрали», — говорит X": the speaker is a parent (but "мой сын X" is the son);
      // "my brother" or "my husband" tells nothing more, a brother may be held too and a wife
      // differs in gender.
      if (
        k < first &&
        distance > 1 &&
        role === 'detainee' &&
        kinGender &&
        FIRST_PERSON.test(tokens[k - 1]?.norm ?? '') &&
        SON.test(w)
      )
        return { role: 'relative', from: 'kin', cue: tokens[k].text };
      // "Для Гнедовца и его родных", "X and his family": the relatives are someone else's.
      if (!kinGender && k > last && tokens.slice(last + 1, k).some((t) => NOT_APPOSITION.test(t.norm)))
        continue;
      if (!kinGender || !gender || kinGender === gender) return { role, from: 'kin', cue: tokens[k].text };
      // The named person is the one the relative belongs to.
      return { role: role === 'relative' ? 'detainee' : 'relative', from: 'kin', cue: tokens[k].text };
    }
  }
  return null;
}

// The kinship word just before a word at k ("жена военнослужащего", "the mother of one of the
// soldiers", "мати одного з військових"): its index, or -1.
function kinBefore(doc: Doc, k: number): number {
  const { tokens } = doc;
  for (let j = k - 1; j >= Math.max(0, k - 5) && tokens[j].sentence === tokens[k].sentence; j--) {
    if (KIN.some(([kin]) => kin.test(tokens[j].norm))) return j;
    if (!KIN_OF.test(tokens[j].norm)) return -1;
  }
  return -1;
}
// Words that may stand between a kinship word and the one whose relative it is.
const WHOSE = /^(?:whose|чей|чья|чьи|чьего|чьей|чий|чия|чиї|чийого|чиєї)$/iu;
const OWNER =
  /^(?:his|her|their|my|our|его|её|ее|их|мой|моего|моему|моим|наш\p{L}*|свой|своего|своему|своим|його|її|їх|мій|мого|моєму|моїм|свій|свого|своєму|своїм)$/iu;
const FIRST_PERSON =
  /^(?:my|our|мой|моего|моему|моим|наш|нашего|нашему|нашим|мій|мого|моєму|моїм|наш|нашого|нашому)$/iu;
const ONE_OF = /^(?:one|одного|одной|одної)$/iu;
const SON = /^(?:son|sons|сын|сына|сыну|сыном|син|сина|сину|сином|синові)$/iu;
const DEPUTY = /^(?:deputy|заместител\p{L}*|заступни\p{L}*)$/iu;
const APPOSITION = /^\s*,\s*(?:the|a|an|his|her|their|its)\s+[\p{L}'’-]+\s+$/iu;
const KIN_OF_SOLDIER: [RegExp, PersonRole] = [SOLDIERS_AFTER_KIN, 'detainee'];
const KIN_OF = /^(?:of|a|an|the|one|these|those|одного|одной|одної|из|з|із|зі|этих|тих|цих)$/iu;

// "head of the NGO X", "начальник колонии X", "President's Office Head X": the body after the
// title word (up to the name, or a few words when the title follows the name) gives the role.
function headRole(doc: Doc, title: number, nameStart: number, role: PersonRole): PersonRole {
  const { tokens } = doc;
  const end = title < nameStart ? nameStart : Math.min(tokens.length, title + 9);
  const body = tokens.slice(title + 1, end).filter((t) => t.sentence === tokens[title].sentence);
  for (const [re, bodyRole] of HEAD_BODIES) if (body.some((t) => re.test(t.norm))) return bodyRole;
  // An abbreviation ("ГУР", "SBU") names a state body.
  if (body.some((t) => /^\p{Lu}{2,6}$/u.test(t.text))) return 'official';
  return role;
}

const WORKED_AS = /^(?:worked|работал\p{L}*|трудил\p{L}*|служил\p{L}*|працювал\p{L}*|працював)$/iu;

// Folded surname → starts of the given names of the public officials.
const officials = new Map<string, string[]>();
for (const name of PUBLIC_OFFICIALS) {
  const [given, surname] = fold(name).split(' ');
  officials.set(surname, [...(officials.get(surname) ?? []), given.slice(0, 3)]);
}
function isPublicOfficial(name: string): boolean {
  const words = fold(name).split(' ');
  const given = officials.get(words[words.length - 1]);
  return !!given && words.length > 1 && given.includes(words[0].slice(0, 3));
}

// The posterior the role model must reach to decide (see the fallback in findPersons).
const MODEL_CONFIDENCE = 0.95;
// Kinship words further from the name than this speak of someone else.
const KIN_REACH = 6.5;
const TITLE_BREAK = /[,.;:()"«»“”—–]/u;

// A byline: near the top, a line that holds only the name, perhaps after "By" or "Автор:".
const BYLINE_LINES = 4;
const BYLINE_REST = /^[\s,.:;|—–-]*(?:(?:by|author|written by|text|автор|текст|автори|text by)[\s:]*)?$/iu;
function isByline(doc: Doc, start: number, end: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = doc.text.indexOf('\n', end);
  if (doc.text.slice(0, lineStart).split('\n').length > BYLINE_LINES) return false;
  const before = doc.text.slice(lineStart, start);
  const after = doc.text.slice(end, lineEnd < 0 ? doc.text.length : lineEnd);
  return BYLINE_REST.test(before) && /^[\s,.]*$/u.test(after);
}

// The words "X's" and "Putin's order": the person owns something in the clause rather than being
// what the clause tells of.
const POSSESSIVE = /['’]s?$/u;
// Clause cues count only this near a mention, so that one sentence about two people does not
// give both the same role.
const CONTEXT_WINDOW = 8;

function ageNear(doc: Doc, first: number, last: number): number | null {
  const before = doc.text.slice(Math.max(0, doc.tokens[first].start - 40), doc.tokens[first].start);
  const after = doc.text.slice(doc.tokens[last].end, doc.tokens[last].end + 12);
  const m =
    /(\d{1,2})[-\s](?:year-old|летн\p{L}*|річн\p{L}*)(?:\s+\p{L}+){0,2}\s*$/u.exec(before) ??
    /^(?:,\s*|\s*\()(\d{1,2})(?:\s*(?:years old|лет|года|год|років|роки))?\s*[,)]/u.exec(after);
  return m ? Number(m[1]) : null;
}

/** Named people (at least a surname), in the nominative, with role, age and every mention. */
export function findPersons(
  doc: Doc,
  lang: Language,
  blocked: ReadonlySet<number>,
): { items: PersonItem[]; tokens: Set<number> } {
  const { tokens } = doc;
  const people: Person[] = [];
  const used = new Set<number>();
  const addMention = (p: Person, first: number, last: number, nominative: boolean | null = null) => {
    p.item.spans.push({ start: tokens[first].start, end: tokens[last].end });
    for (let k = first; k <= last; k++) used.add(k);
    const near = roleNear(doc, first, last, p.gender, nominative);
    if (near && (p.roleFrom === 'none' || p.roleFrom === 'context')) {
      p.item.role = near.role;
      p.roleFrom = near.from;
      p.item.explain?.push(`role ${near.role}: ${near.from} "${near.cue}"`);
    }
    if (p.roleFrom === 'none' && isByline(doc, tokens[first].start, tokens[last].end)) {
      p.item.role = 'journalist';
      p.roleFrom = 'byline';
      p.item.explain?.push('role journalist: byline');
    }
    if (!POSSESSIVE.test(tokens[last].text)) {
      const sentence = tokens[first].sentence;
      let from = first;
      let to = last;
      while (from > 0 && first - from < CONTEXT_WINDOW && tokens[from - 1].sentence === sentence) from--;
      while (to + 1 < tokens.length && to - last < CONTEXT_WINDOW && tokens[to + 1].sentence === sentence)
        to++;
      const clause = doc.text.slice(tokens[from].start, tokens[to].end);
      if (DETAINEE_CONTEXT.test(clause)) p.contextVotes.detainee++;
      if (PERPETRATOR_CONTEXT.test(clause)) p.contextVotes.perpetrator++;
    }
    p.item.age ??= ageNear(doc, first, last);
  };
  // Full names: a given name (dictionary tag Name) followed by an optional patronymic and a surname.
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (!isNameToken(t) || blocked.has(i)) continue;
    const options = givenNames(t.text, lang);
    if (options.length === 0) continue;
    let s = i + 1;
    if (!isNameToken(tokens[s]) || !adjacent(doc, t, tokens[s]) || blocked.has(s)) continue;
    const given = options.find((o) => surnameAgrees(stripPossessive(tokens[s].text), lang, o)) ?? options[0];
    let patronymic = '';
    if (
      tokens[s + 1] !== undefined &&
      isNameToken(tokens[s + 1]) &&
      adjacent(doc, tokens[s], tokens[s + 1]) &&
      /(?:вич|вна|ич|ична|ович|івна|ївна|yevich|ovich|ovna|evna)\p{L}{0,3}$/u.test(tokens[s].norm)
    ) {
      patronymic = surnameNominative(tokens[s].text, lang, given.gender, given.cases);
      s++;
    }
    const surname = surnameNominative(stripPossessive(tokens[s].text), lang, given.gender, given.cases);
    const name = [given.nominative, patronymic, surname].filter(Boolean).join(' ');
    const surnameKey = fold(surname);
    let person = people.find(
      (p) => p.surnameKey === surnameKey && fold(p.item.name).startsWith(fold(given.nominative).slice(0, 3)),
    );
    if (!person) {
      person = {
        item: {
          name,
          role: 'other',
          age: null,
          spans: [],
          explain: [`given name "${t.text}" (dictionary) + surname "${tokens[s].text}" → ${name}`],
        },
        surnameKey,
        gender: given.gender,
        roleFrom: 'none',
        contextVotes: { detainee: 0, perpetrator: 0 },
      };
      people.push(person);
    }
    addMention(person, i, s, given.cases.size > 0 ? given.cases.has('nomn') : null);
    i = s;
  }
  // Surname-only mentions of people already named in full ("Kashina says", "Гнедовца").
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(i) || blocked.has(i) || !isNameToken(t)) continue;
    for (const p of people) {
      const key = fold(surnameNominative(stripPossessive(t.text), lang, p.gender, new Set()));
      const raw = fold(stripPossessive(t.text));
      if (
        key === p.surnameKey ||
        (raw.length >= 5 &&
          p.surnameKey.length >= 5 &&
          raw.slice(0, p.surnameKey.length - 1) === p.surnameKey.slice(0, -1) &&
          raw.length - p.surnameKey.length <= 3)
      ) {
        addMention(p, i, i);
        break;
      }
    }
  }
  // A title before a lone surname ("адвокат Иванов", "Colonel Petrov").
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(i) || blocked.has(i) || !isNameToken(t) || !adjacent(doc, tokens[i - 1], t)) continue;
    const title = TITLE_ROLES.find(([re]) => re.test(tokens[i - 1].norm));
    if (!title || !isKnownSurname(stripPossessive(t.text), lang)) continue;
    const surname = surnameNominative(stripPossessive(t.text), lang, null, new Set());
    const person: Person = {
      item: {
        name: surname,
        role: title[1],
        age: null,
        spans: [],
        explain: [`surname after title "${tokens[i - 1].text}"`],
      },
      surnameKey: fold(surname),
      gender: null,
      roleFrom: 'title',
      contextVotes: { detainee: 0, perpetrator: 0 },
    };
    people.push(person);
    addMention(person, i, i);
  }
  // Without a title or kinship word beside the name, the cue words of the clauses vote (being
  // held, refusing; threatening, beating); where none is said, the trained model reads the words
  // around the mentions if it is sure, else the person is taken for one of the men the report is
  // about: left out of training in turn, the model never beat that on such persons of the dev part.
  const model = roleModel();
  for (const p of people) {
    if (p.roleFrom !== 'none') continue;
    if (isPublicOfficial(p.item.name)) {
      p.item.role = 'official';
      p.item.explain?.push('role official: a public official everyone knows');
      continue;
    }
    const { detainee, perpetrator } = p.contextVotes;
    if (detainee > 0 || perpetrator > 0) {
      p.item.role = perpetrator > detainee ? 'perpetrator' : 'detainee';
      p.item.explain?.push(`role ${p.item.role}: words of the clauses that name the person`);
      continue;
    }
    const learned = model && predictRole(model, roleFeatures(doc, p.item.spans, lang));
    if (learned && learned.p >= MODEL_CONFIDENCE) {
      p.item.role = learned.role;
      p.item.explain?.push(`role ${learned.role}: model, p=${learned.p.toFixed(2)}`);
    } else if (p.gender === 'femn') {
      // The men held are servicemen and mobilized men: a woman named without a cue is, in these
      // reports, most often the wife, mother or sister who speaks for one of them.
      p.item.role = 'relative';
      p.item.explain?.push('role relative: a woman named without a cue');
    } else {
      p.item.role = 'detainee';
      p.item.explain?.push('role detainee: no cue, the report is about the men held');
    }
  }
  return { items: people.map((p) => p.item), tokens: used };
}
