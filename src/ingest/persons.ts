import type { Language } from '../domain/vocabularies.js';
import { fold } from './fold.js';
import { givenNames, isKnownSurname, surnameAgrees, surnameNominative } from './morphology/names.js';
import { DETAINEE_CONTEXT, KIN, PERPETRATOR_CONTEXT, TITLE_ROLES } from './person-roles.js';
import { predictRole, roleFeatures, roleModel } from './role-model.js';
import type { Doc, Token } from './text.js';
import type { PersonItem, PersonRole } from './types.js';

interface Person {
  item: PersonItem;
  surnameKey: string;
  gender: 'masc' | 'femn' | null;
  roleFrom: 'title' | 'kin' | 'context' | 'none';
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
): { role: PersonRole; from: 'title' | 'kin'; cue: string } | null {
  const { tokens } = doc;
  const sentence = tokens[first].sentence;
  const around: Array<[number, number]> = [];
  for (let k = first - 1; k >= Math.max(0, first - 6) && tokens[k].sentence === sentence; k--)
    around.push([k, first - k]);
  for (let k = last + 1; k <= Math.min(tokens.length - 1, last + 6) && tokens[k].sentence === sentence; k++)
    around.push([k, k - last + 0.5]);
  around.sort((a, b) => a[1] - b[1]);
  for (const [k, distance] of around) {
    const w = tokens[k].norm;
    // A title may carry its body before the name: "Deputy Chairman of the Security Council X".
    if (distance <= (k < first ? 7 : 3))
      for (const [re, role] of TITLE_ROLES)
        if (re.test(w)) return { role, from: 'title', cue: tokens[k].text };
    for (const [re, kinGender, role] of KIN) {
      if (!re.test(w)) continue;
      // A word for a group ("wives", "relatives") speaks of the person only in apposition:
      // "Elena Kashina, one of the spouses".
      if (!kinGender && (k < first ? distance > 1 : distance > 5)) continue;
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
  const addMention = (p: Person, first: number, last: number) => {
    p.item.spans.push({ start: tokens[first].start, end: tokens[last].end });
    for (let k = first; k <= last; k++) used.add(k);
    const near = roleNear(doc, first, last, p.gender);
    if (near && (p.roleFrom === 'none' || p.roleFrom === 'context')) {
      p.item.role = near.role;
      p.roleFrom = near.from;
      p.item.explain?.push(`role ${near.role}: ${near.from} "${near.cue}"`);
    }
    const clause = doc.sentences[tokens[first].sentence].text;
    if (DETAINEE_CONTEXT.test(clause)) p.contextVotes.detainee++;
    if (PERPETRATOR_CONTEXT.test(clause)) p.contextVotes.perpetrator++;
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
    addMention(person, i, s);
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
  // around the mentions.
  const model = roleModel();
  for (const p of people) {
    if (p.roleFrom !== 'none') continue;
    const { detainee, perpetrator } = p.contextVotes;
    if (detainee > 0 || perpetrator > 0) {
      p.item.role = perpetrator > detainee ? 'perpetrator' : 'detainee';
      p.item.explain?.push(`role ${p.item.role}: words of the clauses that name the person`);
      continue;
    }
    const learned = model && predictRole(model, roleFeatures(doc, p.item.spans, lang));
    if (learned && learned.p >= 0.5) {
      p.item.role = learned.role;
      p.item.explain?.push(`role ${learned.role}: model, p=${learned.p.toFixed(2)}`);
    }
  }
  return { items: people.map((p) => p.item), tokens: used };
}
