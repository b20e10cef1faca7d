import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

test("finds a Russian locative 'в Брянке' as a detention site with gazetteer coordinates", () => {
  const x = extractText('Отказников держат в подвале в Брянке.');
  assert.equal(x.detentionSites.length, 1);
  const site = x.detentionSites[0];
  assert.equal(site.canonical, 'Brianka');
  assert.equal(site.region, 'Luhansk Oblast');
  assert.equal(site.country, 'UA');
  assert.equal(typeof site.lat, 'number');
  assert.equal(x.text.slice(site.spans[0].start, site.spans[0].end), 'Брянке');
});

test("finds a Ukrainian locative 'у Зайцевому' and settles the namesake by the region the text names", () => {
  const x = extractText('Мобілізованих утримують у підвалі у Зайцевому на Донеччині.');
  assert.equal(x.detentionSites.length, 1);
  assert.equal(x.detentionSites[0].canonical, 'Zaitseve');
  assert.equal(x.detentionSites[0].region, 'Donetsk Oblast');
});

test('settles an ambiguous English name by the oblast mentioned in the text', () => {
  const x = extractText('The men are held in a basement in Zaitseve, a village in the Donetsk region.');
  assert.equal(x.detentionSites[0].region, 'Donetsk Oblast');
});

test("finds the two-word village 'в селе Завитне Бажання' from its Russian spelling", () => {
  const x = extractText('Их удерживают в подвале в селе Завитне Бажання.');
  assert.equal(x.detentionSites[0].canonical, 'Zavitne Bazhannia');
});

test('reports a place the gazetteer lacks without coordinates', () => {
  const x = extractText('The soldiers were held in a pit at the Kadamovsky training ground.');
  const site = x.detentionSites.find((s) => s.name === 'Kadamovsky');
  assert.ok(site);
  assert.equal(site.lat, null);
  assert.equal(site.gazetteerId, null);
});

test('does not take a hometown or a region for a detention site', () => {
  const x = extractText(
    'Mobilized men from Belgorod are held in a basement in Perevalsk in the Luhansk region.',
  );
  assert.deepEqual(
    x.detentionSites.map((s) => s.canonical),
    ['Perevalsk'],
  );
});

test('does not report a place only mentioned without any word of holding people', () => {
  const x = extractText('Журналисты из Москвы приехали в Белгород.');
  assert.deepEqual(x.detentionSites, []);
});

test('settles a namesake by another place the text names unambiguously', () => {
  const x = extractText('Soldiers are held in a basement in Zaitseve near Horlivka.');
  assert.deepEqual(
    x.detentionSites.map((s) => [s.canonical, s.region]),
    [['Zaitseve', 'Donetsk Oblast']],
  );
});

test('does not take places listed after "from" or a meeting someone "held" for detention sites', () => {
  const x = extractText(
    'Some of those detained come from Novosibirsk and Tomsk. The ministry held a press conference in Moscow.',
  );
  assert.deepEqual(x.detentionSites, []);
});

test('restores town names in -ськ/-цьк from Ukrainian locative and genitive forms', () => {
  const lugansk = extractText('Відмовників тримають у підвалі в Луганську.');
  assert.deepEqual(
    lugansk.detentionSites.map((s) => s.canonical),
    ['Luhansk'],
  );
  const donetsk = extractText('Їх замкнули в контейнері на околиці Донецька.');
  assert.deepEqual(
    donetsk.detentionSites.map((s) => s.canonical),
    ['Donetsk'],
  );
});

test('does not read a capitalised preposition at the start of a sentence as a place', () => {
  const x = extractText('Серед затриманих є строковики. Їх утримують у підвалі в Алчевську.');
  assert.deepEqual(
    x.detentionSites.map((s) => s.canonical),
    ['Alchevsk'],
  );
});

test('two regions sharing one region word are regions, not sites; a republic is not a village', () => {
  const sites = (text: string) => extractText(text).detentionSites.map((s) => s.name);
  assert.deepEqual(sites('Prisoners are held in different places of Donetsk and Luhansk regions.'), []);
  assert.deepEqual(sites('Військових з полігону Республіки Білорусь тримають у підвалі.'), []);
});

test('a site named by what it is and its region, where no place is named', () => {
  const sites = (text: string) => extractText(text).detentionSites.map((s) => [s.name, s.region]);
  assert.deepEqual(sites('They are held at a military base in Belgorod region.'), [
    ['military base in Belgorod region', 'Belgorodskaya Oblast'],
  ]);
  assert.deepEqual(sites('Их держат на военной базе в Белгородской области.'), [
    ['военной базе в Белгородской области', 'Belgorodskaya Oblast'],
  ]);
  assert.deepEqual(sites('He served at a base in Belgorod region before.'), []);
});

test('a penal colony is a place of holding; where a man was taken prisoner is not', () => {
  const colony = extractText('Він розповів про тортури у колонії Оленівка.');
  assert.deepEqual(
    colony.detentionSites.map((s) => s.canonical),
    ['Olenivka'],
  );
  const captured = extractText('Парамедик потрапила в полон у Маріуполі в травні.');
  assert.deepEqual(captured.detentionSites, []);
});

test('a city that names its region stands for the region when a site inside it is named', () => {
  const x = extractText(
    'Soldiers are held in basements in occupied Luhansk. Most are held in a basement in Bryanka.',
  );
  assert.deepEqual(
    x.detentionSites.map((s) => s.canonical),
    ['Brianka'],
  );
});

test('finds a military unit or a facility "in the" region as a described site', () => {
  const unit = extractText('Отказников держат в воинской части в Курской области.');
  assert.deepEqual(
    unit.detentionSites.map((s) => [s.name, s.region]),
    [['воинской части в Курской области', 'Kurskaya Oblast']],
  );
  const ground = extractText('They are held at a training ground in the Belgorod region.');
  assert.deepEqual(
    ground.detentionSites.map((s) => s.region),
    ['Belgorodskaya Oblast'],
  );
  // "часть" alone is "a part".
  assert.deepEqual(extractText('Большую часть в Курской области держат.').detentionSites, []);
});

test('holding a weapon or a line is not holding people', () => {
  for (const text of [
    'Йому показали як тримати автомат і відправили закріпитися в промзоні Сєвєродонецька.',
    'Их учили держать оборону и отправили в Попасную.',
  ])
    assert.deepEqual(extractText(text).detentionSites, [], text);
  assert.equal(extractText('Їх тримали у Сєвєродонецьку.').detentionSites.length, 1);
  assert.equal(extractText('Их держали в Попасной.').detentionSites.length, 1);
});

test("finds a town in the Ukrainian locative in -ові/-і and a compound name inflected in its first word ('у Ростові-на-Дону', 'у Харкові')", () => {
  for (const [text, canonical] of [
    ['Він перебуває в СІЗО в Ростові-на-Дону.', 'Rostov-na-Donu'],
    ['Он находится в СИЗО в Ростове-на-Дону.', 'Rostov-na-Donu'],
    ['Його тримали у підвалі в Харкові.', 'Kharkiv'],
  ])
    assert.deepEqual(
      extractText(text).detentionSites.map((s) => s.canonical),
      [canonical],
      text,
    );
});
