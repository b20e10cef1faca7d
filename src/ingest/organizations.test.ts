import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRecipient, loadRecipients } from '../domain/appeals/recipient-directory.js';
import { extractText } from './test-helpers.js';

const names = (text: string) => extractText(text).organizations.map((o) => o.name);

test('names state bodies in English canonically from any language and case', () => {
  assert.deepEqual(names('Жены написали в Следственный комитет.'), ['Investigative Committee of Russia']);
  assert.deepEqual(names('Родичі звернулися до Міністерства оборони.'), ['Ministry of Defence of Russia']);
  assert.deepEqual(names("They wrote to the Military Prosecutor's Office."), [
    "Military Prosecutor's Office",
  ]);
});

test("Ukrainian outlets cited as sources and the Prosecutor General's Office by its short name", () => {
  assert.deepEqual(names('За даними УНІАН та Укрінформу, про це повідомив ТСН.'), [
    'UNIAN',
    'Ukrinform',
    'TSN',
  ]);
  assert.deepEqual(names('Інформацію підтвердили в Офісі Генпрокурора.'), [
    'Office of the Prosecutor General of Ukraine',
  ]);
});

test("a Ukrainian oblast's body is named by the oblast's English name, a Russian region's by its stem", () => {
  assert.deepEqual(names('Матері звернулися до Київської обласної військової адміністрації.'), [
    'Kyiv Regional Military Administration',
  ]);
  assert.deepEqual(names('Сумська обласна військова адміністрація повідомила про обстріл.'), [
    'Sumy Regional Military Administration',
  ]);
  assert.deepEqual(names('Родственники обратились в прокуратуру Луганской области.'), [
    "Prosecutor's Office of Luhansk Oblast",
  ]);
  assert.deepEqual(names('Жены обратились в прокуратуру Курской области.'), [
    "Prosecutor's Office of Kursk Oblast",
  ]);
});

test('recognises media and NGOs cited as sources', () => {
  assert.deepEqual(names('Об этом сообщила «Медиазона» со ссылкой на «Идите лесом».'), [
    'Mediazona',
    'Idite Lesom',
  ]);
});

test('recognises an employer named after a company word', () => {
  assert.ok(names('They worked at the mining complex Dalstroy before mobilization.').includes('Dalstroy'));
  assert.ok(names('Он работал на заводе «Звезда».').includes('Звезда'));
});

test('expands an eponymous institute acronym to its English name', () => {
  assert.ok(names('Он работал в МГУ имени Ломоносова.').includes('Lomonosov Moscow State University'));
});

test('names the Investigative Committee by its military directorates and abbreviations', () => {
  assert.deepEqual(names('Жалобу отправили в Главное военное следственное управление СК.'), [
    'Investigative Committee of Russia',
  ]);
  assert.deepEqual(names('Справу веде військовий слідчий відділ СК.'), ['Investigative Committee of Russia']);
  assert.deepEqual(names('She wrote to the Main Military Investigative Directorate.'), [
    'Investigative Committee of Russia',
  ]);
});

test('reads a generic name after the full one as the same body', () => {
  assert.deepEqual(names('Мать написала в военную прокуратуру. Прокуратура ответила отказом.'), [
    "Military Prosecutor's Office",
  ]);
});

test('recognises the Ukrainian bodies letters go to, in any language, as the directory names them', () => {
  assert.deepEqual(
    names('Дружина звернулася до Державного бюро розслідувань, потім до Офісу Генерального прокурора.'),
    ['State Bureau of Investigation of Ukraine', 'Office of the Prosecutor General of Ukraine'],
  );
  assert.deepEqual(
    names('Родственники обратились к Уполномоченному Верховной Рады Украины по правам человека.'),
    ['Ukrainian Parliament Commissioner for Human Rights'],
  );
  assert.deepEqual(names('Мати написала Уповноваженому Верховної Ради України з прав людини.'), [
    'Ukrainian Parliament Commissioner for Human Rights',
  ]);
  assert.deepEqual(names('His wife wrote to the State Bureau of Investigation.'), [
    'State Bureau of Investigation of Ukraine',
  ]);
  // The generic Russian bodies keep their names.
  assert.deepEqual(names('Мать написала в Генеральную прокуратуру.'), [
    "Prosecutor General's Office of Russia",
  ]);
  const directory = loadRecipients();
  const ids = [
    'State Bureau of Investigation of Ukraine',
    'Office of the Prosecutor General of Ukraine',
    'Ukrainian Parliament Commissioner for Human Rights',
  ].map((name) => findRecipient(directory, name)?.id);
  assert.deepEqual(ids, ['dbr_ua', 'ogp_ua', 'ombudsman_ua']);
});

test('finds outlets and associations by the way the text introduces them', () => {
  const names = (text: string) => extractText(text).organizations.map((o) => o.name);
  assert.deepEqual(names('Об этом пишет издание «Новая Вкладка».'), ['Новая Вкладка']);
  assert.deepEqual(names('Такі дані наводять у громадській організації “Вояцький визвіл”.'), [
    'Вояцький визвіл',
  ]);
  assert.deepEqual(names('Про це розповіла у коментарі Politico речниця.'), ['Politico']);
  assert.deepEqual(names('Alexey Tabalov, head of the NGO Conscript School, said so.'), ['Conscript School']);
  assert.deepEqual(
    names('The Museum of Civilian Voices of the Rinat Akhmetov Foundation has many stories.'),
    ['Museum of Civilian Voices', 'Rinat Akhmetov Foundation'],
  );
  assert.deepEqual(names('The Museum has many stories, said the Guardian.'), []);
});

test('keeps the territory of a regional body in its name', () => {
  const names = (text: string) => extractText(text).organizations.map((o) => o.name);
  assert.deepEqual(names('Его призвали военкоматом Клетского и Серафимовичского районов.'), [
    'Military Commissariat of Kletsky and Serafimovichsky Districts',
  ]);
  assert.deepEqual(names('Матері прийшли до військкомату міста Ровеньки.'), [
    'Military Commissariat of Rovenki',
  ]);
  assert.deepEqual(names('Про це повідомили в Луганській ОВА.'), [
    'Luhansk Regional Military Administration',
  ]);
  assert.deepEqual(names('They wrote to the Kursk regional administration.'), [
    'Kursk Regional Administration',
  ]);
});

test('a regional body named without its territory takes the town its sentence is about', () => {
  const names = (text: string) => extractText(text).organizations.map((o) => o.name);
  assert.deepEqual(names('Родичі мобілізованих у Курську вийшли до будівлі адміністрації області.'), [
    'Kursk Regional Administration',
  ]);
});

test('names the Ukrainian bodies reports on prisoners cite', () => {
  assert.deepEqual(names('Про це повідомили в Офісі Президента та Національній поліції.'), [
    'Office of the President of Ukraine',
    'National Police of Ukraine',
  ]);
});
