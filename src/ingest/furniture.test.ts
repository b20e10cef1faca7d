import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractReport } from './extract-report.js';
import { cleanPastedText, headlineOf, isCredit, isFurnitureLine } from './furniture.js';
import { htmlToArticle } from './html-to-text.js';

// Invented pages, written for these tests in the shape news sites give them when a reader
// selects all and copies: masthead, headline, byline, captions, blurbs, teasers, footer.
const EN_PAGE = `Skip to main content
News Features Podcasts Newsletters
Search
Feature
Thirty reservists held in a hangar near Kherson say their commanders threaten them
3:15 pm, March 3, 2023
By Anna Example
Share
Facebook Twitter Telegram Email
Thirty reservists from the Tver region are held in a hangar at an airfield near Kherson, their families say. The men refused to return to the front line after three weeks of fighting.
Ivan Petrov / / Example Agency
Relatives told reporters that the men get water once a day and that officers of the 999th regiment threatened to shoot them.
Sign up for The Morning Brief
Quiet stories. Loud facts. Every weekday.
The wife of one of the men, Maria Sokolova, wrote to the Main Military Prosecutor's Office on February 20 and has had no reply.
We use cookies to improve your experience. By continuing to browse you agree to our privacy policy.
Read more
Private army recruits prisoners in three regions
Why the draft offices are busy again
March 2, 2023
© 2023 Example Media. All rights reserved.`;

const RU_PAGE = `Перейти к основному содержанию
Новости Статьи Видео Подкасты
Мобилизованных из Бурятии держат в подвале под Луганском
Текст: Иван Примеров
Фото: Пётр Образцов / Коммерсантъ
Двенадцать мобилизованных из Бурятии удерживают в подвале в селе Примерное Луганской области, рассказали их родственники.
Подпишитесь на нашу рассылку
Главное за неделю — в одном письме.
По словам жены одного из задержанных, командир роты угрожал им расстрелом, если они не вернутся на позиции.
Читайте также: Как отказники оказываются в «ямах»
Родственники обратились в военную прокуратуру, ответа пока нет.
Поделиться
ВКонтакте Telegram WhatsApp
Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности.`;

const UK_PAGE = `Перейти до основного вмісту
Новини Статті Відео
Полонених утримують у бараці: розповідь дружини
Автор: Олена Зразкова
Фото: ілюстративне / Укрінформ
Дружина військовополоненого розповіла, що її чоловіка утримують у бараці разом із двадцятьма іншими.
Підпишіться на наш Telegram
За її словами, полоненим не дають ліків і погрожують розстрілом.
Читайте також
Як повернути полоненого: інструкція для родин
Обмін полоненими: що відомо
Що таке статус військовополоненого
Усі права захищені.`;

describe('page furniture', () => {
  it('drops the chrome of an English page copied as text and keeps every sentence of the report', () => {
    const clean = cleanPastedText(EN_PAGE);
    const lines = clean.split('\n');
    assert.equal(
      lines[0],
      'Thirty reservists held in a hangar near Kherson say their commanders threaten them',
    );
    for (const gone of [
      'Skip to main content',
      'News Features',
      'By Anna Example',
      'Facebook',
      'Ivan Petrov',
      'Sign up',
      'Quiet stories',
      'cookies',
      'Read more',
      'Private army',
      'draft offices',
      'March 2, 2023',
      'All rights reserved',
    ])
      assert.ok(!clean.includes(gone), `${gone} stays in ${clean}`);
    for (const kept of ['Thirty reservists from the Tver region', '999th regiment', 'Maria Sokolova'])
      assert.ok(clean.includes(kept), `${kept} is lost`);
  });

  it('drops the chrome of Russian and Ukrainian pages', () => {
    const ru = cleanPastedText(RU_PAGE);
    assert.equal(headlineOf(ru), 'Мобилизованных из Бурятии держат в подвале под Луганском');
    for (const gone of [
      'Перейти',
      'Иван Примеров',
      'Коммерсантъ',
      'рассылку',
      'Главное за неделю',
      'Читайте',
      'ВКонтакте',
      'cookie',
    ])
      assert.ok(!ru.includes(gone), `${gone} stays in ${ru}`);
    for (const kept of ['Двенадцать мобилизованных', 'угрожал им расстрелом', 'военную прокуратуру'])
      assert.ok(ru.includes(kept), `${kept} is lost`);

    const uk = cleanPastedText(UK_PAGE);
    assert.equal(headlineOf(uk), 'Полонених утримують у бараці: розповідь дружини');
    for (const gone of [
      'Олена Зразкова',
      'Укрінформ',
      'Telegram',
      'Читайте також',
      'Обмін полоненими',
      'права захищені',
    ])
      assert.ok(!uk.includes(gone), `${gone} stays in ${uk}`);
    assert.ok(uk.includes('погрожують розстрілом'));
  });

  it('leaves a relative’s letter as it is, its address lines and signature included', () => {
    const letter = `Главному военному прокурору
от Кашиной Елены Петровны

Мой муж, Кашин Андрей, мобилизован 1 октября и с 20 октября удерживается в подвале.
Прошу установить его местонахождение.

С уважением,
Кашина Елена Петровна
`;
    assert.equal(cleanPastedText(letter), letter);
    assert.equal(cleanPastedText(cleanPastedText(EN_PAGE)), cleanPastedText(EN_PAGE));
  });

  it('keeps prose that starts like furniture', () => {
    for (const line of [
      'By the end of October the men were moved to a basement.',
      'Подписали письмо 40 родственников мобилизованных.',
      'Popular anger grew after the men were sent back.',
      'He sent a photo: they sleep on the floor.',
      'Related stories of beatings reached the Ombudsman.',
    ])
      assert.equal(isFurnitureLine(line), false, line);
    assert.ok(isCredit('Vova Example / / TASS'));
    assert.ok(isCredit('Soldiers at a railway station in Belgorod. Photo: Reuters'));
    assert.ok(!isCredit('Their wives wrote to the Investigative Committee / Prosecutor.'));
  });

  it('cleans an HTML page by landmarks, link density and the same line rules', () => {
    const html = `<!doctype html><html><head><title>Held in a hangar | Example Media</title>
      <meta property="og:site_name" content="Example Media">
      <meta property="og:title" content="Held in a hangar — Example Media"></head><body>
      <a class="skip-link" href="#main">Skip to main content</a>
      <div role="navigation"><a href="/">News</a> <a href="/f">Features</a></div>
      <main id="main"><article>
        <h1>Thirty reservists held in a hangar near Kherson</h1>
        <p class="meta">By Anna Example</p>
        <figure><img src="x.jpg"><figcaption>Ivan Petrov / Example Agency</figcaption></figure>
        <p>Thirty reservists from the Tver region are held in a hangar at an airfield near Kherson, their families say.</p>
        <p><a href="/a">Private army recruits prisoners</a> · <a href="/b">Draft offices are busy again</a></p>
        <p>Relatives said officers threatened to shoot them.</p>
        <div role="complementary"><p>Related: The draft goes on</p></div>
        <p>Sign up for The Morning Brief</p>
      </article></main>
      <footer><p>© 2023 Example Media</p></footer></body></html>`;
    const article = htmlToArticle(html);
    assert.equal(article.title, 'Thirty reservists held in a hangar near Kherson');
    assert.equal(
      article.body,
      'Thirty reservists from the Tver region are held in a hangar at an airfield near Kherson, their families say.\n\n' +
        'Relatives said officers threatened to shoot them.',
    );
  });

  it('takes the headline from og:title without the site name when the page has no h1', () => {
    const html = `<html><head><meta property="og:site_name" content="Пример">
      <meta property="og:title" content="Мобилизованных держат в подвале — Пример"></head>
      <body><article><p>Двенадцать мобилизованных удерживают в подвале, рассказали родственники.</p></article></body></html>`;
    assert.equal(htmlToArticle(html).title, 'Мобилизованных держат в подвале');
  });

  it('keeps furniture out of the extraction: no credit or byline as a person, the headline as title', () => {
    const x = extractReport({ content: EN_PAGE, published: '2023-03-03', lang: 'en' });
    assert.equal(
      x.title,
      'Thirty reservists held in a hangar near Kherson say their commanders threaten them',
    );
    const names = x.persons.map((p) => p.name);
    assert.ok(
      names.some((n) => /Sokolova/.test(n)),
      names.join(', '),
    );
    for (const furniture of ['Petrov', 'Anna Example'])
      assert.ok(!names.some((n) => n.includes(furniture)), names.join(', '));
    for (const p of x.persons)
      for (const s of p.spans) assert.equal(x.text.slice(s.start, s.end).length > 0, true);
  });

  it('keeps an official letter whole: a reference number split by slashes is not a picture credit', () => {
    const letter = [
      'ПРОКУРАТУРА РОССИЙСКОЙ ФЕДЕРАЦИИ',
      'Военная прокуратура Западного военного округа',
      '04.06.2024 № 3/2-118-2024',
      'Петровой Анне Сергеевне',
      'Ваше обращение рассмотрено, проводится проверка.',
    ].join('\n');
    assert.equal(isCredit('04.06.2024 № 3/2-118-2024'), false);
    assert.equal(cleanPastedText(letter), letter);
  });
});
