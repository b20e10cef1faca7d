// Page furniture: the parts of a web page (or of a page copied as text) that are not the report —
// skip links, menus, share bars, photo credits and captions, newsletter blurbs, cookie banners,
// bylines, "read also" teasers. Left in, they become case titles, persons and organizations.
// The rules are structural (short lines, link density, position, call-to-action and credit
// shapes) with the stock phrases of ru/uk/en pages, never the wording of particular reports.

/** One block of a page: a paragraph or line, with how many of its characters are link text. */
export interface TextBlock {
  text: string;
  /** characters inside links (HTML only); a block mostly of links is navigation */
  linkChars?: number;
}

// Stock lines of page chrome, matched against a whole short line.
const CHROME_LINE = new RegExp(
  `^(?:${[
    // skip links and accessibility helpers
    'skip to (?:the )?(?:main )?(?:content|navigation|search)',
    'перейти (?:к|до) (?:основному |основного )?(?:содержани[юя]|контенту|вмісту|змісту|навігації|навигации)',
    'к (?:основному )?содержанию',
    // menus, search, sign-in, language switches
    '(?:main )?menu',
    'меню',
    'search',
    'поиск',
    'пошук',
    'log ?in',
    'sign in',
    'войти',
    'увійти',
    'close',
    'закрыть',
    'закрити',
    'english|русский|українська|рус|укр|eng?',
    // share bars
    '(?:share|поделиться|поділитися)(?: (?:this|on|в|у))?(?: \\S+)?',
    '(?:copy|скопировать|скопіювати) (?:link|ссылку|посилання)',
    // ads
    'advertisement|реклама|sponsored|партнерский материал|партнерський матеріал',
    // copyright
    '(?:©|\\(c\\)|copyright).*',
    '.*(?:all rights reserved|все права защищены|усі права захищені|всі права захищені).*',
    // reading furniture
    '\\d+ (?:min(?:ute)?s? read|мин(?:ут[аы]?)? (?:чтения|на чтение)|хв(?:илин[аи]?)? (?:читання|на читання))',
    '(?:updated|обновлено|оновлено)\\b.*',
    'comments?|комментари[ий]|коментар[іі]в?',
    'listen|слушать|слухати',
    'print|печать|друк',
  ].join('|')})$`,
  'i',
);

// Names of platforms that make up share bars and "follow us" rows.
const SOCIAL =
  /^(?:facebook|twitter|x|telegram|whatsapp|viber|vk|вконтакте|одноклассники|ok|instagram|youtube|linkedin|reddit|email|e-mail|mail|rss|tiktok|threads|bluesky|mastodon|copy link|почта|пошта)$/i;

// Calls to act rather than report: newsletters, subscriptions, donations, following.
const CALL_TO_ACTION =
  /^(?:sign up|subscribe|follow us|join us|get our|support (?:us|our|independent)|donate|become a (?:member|patron)|newsletter|подпишитесь|подпишись|подписывайтесь|подписаться на|підпишіться|підпишись|підписуйтесь|підписатися на|рассылка|розсилка|поддержите |підтримайте |следите за|стежте за|присоединяйтесь|приєднуйтесь|задонатьте|пожертвуйте)/i;

// Cookie and consent banners: a mention of cookies with the consent vocabulary around it.
const COOKIE = /cookie|куки|кукі/i;
const CONSENT =
  /agree|accept|consent|privacy|continu|согла|принима|принять|конфиденциальн|продолжая|погоджу|приймає|прийняти|конфіденційн|продовжуючи/i;

// Headings of teaser blocks: related stories, "read also", most read, partner news.
const TEASER_HEADING =
  /^(?:read (?:also|more|next)|see also|more (?:on|about) (?:this|the) (?:topic|story|subject)|more stories|more from|related(?: stories| articles| news| coverage)?|recommended|most (?:read|popular|viewed)|popular|what to read next|you may (?:also )?like|читайте (?:также|тоже|еще|ещё|також|ще)|смотрите также|дивіться також|по теме|на ту ж тему|на тему|материалы по теме|матеріали (?:за )?(?:по )?темою|ещё по теме|еще по теме|більше (?:на )?(?:цю )?тем[иу]|по темі|самое (?:читаемое|популярное)|найпопулярніше|популярное|популярне|новости партн[её]ров|новини партнерів|рекомендуем|рекомендуємо|вам может быть интересно|вас може зацікавити)(?![\p{L}\p{N}])/iu;

// Photo and video credits: the word that introduces a credit, at the start or after the caption.
const CREDIT_WORD =
  '(?:photo(?:graph)?s?(?: by)?|image(?: by)?|pictures?|illustration|video|credit|фото(?:графия|графія)?|видео|відео|иллюстрация|ілюстрація|кадр|скриншот|коллаж|колаж|источник фото|джерело фото)';
const CREDIT_START = new RegExp(`^${CREDIT_WORD}\\s*(?::|—|–|-|©|/)`, 'i');
const CREDIT_END = new RegExp(`(?:^|[.!?»”"]\\s*|\\s)${CREDIT_WORD}\\s*(?::|—|–|©)\\s*[^.!?]{1,80}$`, 'i');
// Agencies and photo banks that sign pictures: a caption ending with one of them is a credit.
const AGENCY_END =
  /(?:^|[\s/|©,(])(?:getty images|reuters|ap(?: photo)?|afp|epa(?:-efe)?|tass|тасс|ria novosti|риа новости|sputnik|спутник|ukrinform|укрінформ|unian|уніан|shutterstock|scanpix|sipa|anadolu|east news|коммерсантъ|kommersant|кommersant|зона\.медиа|global look press|legion-media|imago|alamy)\)?\s*$/i;

// Bylines: who wrote, edited or shot the piece — names that are not part of the report.
const BYLINE_LABEL =
  /^(?:(?:written|story|reporting|words|edited|translated|produced) by|editor|authors?|translation|автор(?:ы|ка)?|текст|редактор(?:ка)?|перевод|переклад|корреспондент|кореспондент)\s*(?::|—|–)\s*\S/i;
// "By Jane Doe and John Roe": only capitalised names after "By", so "By the end of October, …" stays.
const BYLINE_BY =
  /^(?:[Bb]y|[Ww]ritten by|[Ss]tory by|[Rr]eporting by)\s+\p{Lu}[\p{L}'’.-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*){0,7}$/u;

// Function words: a line holding none of them is a list of names (a menu), not a sentence.
const FUNCTION_WORDS = new Set(
  'a an the of in on at to for and or but is are was were be by with from as that this not no it he she they we i you his her their our has have had will would can could who what how why'.split(
    ' ',
  ),
);

const wordsOf = (line: string) => line.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
const endsSentence = (line: string) => /[.!?…:;»”"')]\s*$/.test(line);

/** Whether a short line is a menu: several capitalised words and not one function word. */
function isMenu(line: string): boolean {
  const words = wordsOf(line);
  if (words.length < 3 || /[.!?,;:«»"“”]/.test(line)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()));
}

/** Whether a short line is a picture credit: "Photo: …", "… / TASS", "Name / / Agency". */
export function isCredit(line: string): boolean {
  const text = line.trim();
  if (text.length > 300) return false;
  if (CREDIT_START.test(text) || CREDIT_END.test(text)) return true;
  if (AGENCY_END.test(text) && !/[.!?]$/.test(text)) return true;
  // Name / Agency / Collection: short capitalised segments split by slashes or pipes.
  if (endsSentence(text) || !/[/|]/.test(text)) return false;
  const segments = text
    .split(/\s*[/|]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    segments.length >= 2 &&
    segments.every((s) => {
      const words = wordsOf(s);
      // Capitalised words only: digits split by slashes are a reference number ("№ 7/1-215-2024").
      return words.length > 0 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w));
    })
  );
}

/** Whether one line, on its own, is page furniture whatever its position. */
export function isFurnitureLine(line: string): boolean {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text === '') return false;
  const words = wordsOf(text);
  if (words.length === 0) return text.length < 40; // separators, bullets, icons
  if (text.length <= 80 && CHROME_LINE.test(text)) return true;
  if (words.length <= 12 && words.every((w) => SOCIAL.test(w))) return true;
  if (text.length < 200 && CALL_TO_ACTION.test(text)) return true;
  if (text.length < 600 && COOKIE.test(text) && CONSENT.test(text)) return true;
  if (text.length < 120 && (BYLINE_LABEL.test(text) || BYLINE_BY.test(text))) return true;
  return isCredit(text);
}

/** Whether a line opens a list of teasers ("Read also", "Related", "По теме: …"). */
export function isTeaserHeading(line: string): boolean {
  const text = line.trim().replace(/^[\s>•·—–-]+/, '');
  const m = TEASER_HEADING.exec(text);
  if (!m || text.length >= 200) return false;
  // The heading alone, or the heading and the one teaser it announces ("Read also: …").
  const rest = text.slice(m[0].length);
  return /^\s*(?:[:—–.|]|$)/.test(rest) || (text.length < 80 && wordsOf(text).length <= 6);
}

/** A line that reads like a headline or a date, not prose: short, without closing punctuation. */
function isHeadlineLike(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 160 && wordsOf(text).length <= 24 && !/[.!?…]["»”’]?$/.test(text);
}

/** A line that can be the headline: a few words, not furniture, not a menu. */
function isHeadlineCandidate(line: string): boolean {
  const text = line.trim();
  return wordsOf(text).length >= 4 && text.length >= 20 && !isFurnitureLine(text) && !isMenu(text);
}

/**
 * Which blocks of a page are furniture: every block the line rules refuse, link-dense blocks,
 * the chrome before the headline, blurbs following a call to action, teaser headings with the
 * headlines listed under them, and a trailing run of headlines after the last paragraph.
 * Returns one flag per block (true = drop).
 */
export function furnitureFlags(blocks: TextBlock[]): boolean[] {
  const texts = blocks.map((b) => b.text.trim().replace(/\s+/g, ' '));
  const drop = texts.map((t, k) => {
    if (t === '') return true;
    const links = blocks[k]?.linkChars ?? 0;
    // A short block that is mostly link text is navigation, a tag list or a teaser.
    if (links > 0 && t.length < 400 && links / t.length > 0.5) return true;
    return isFurnitureLine(t);
  });
  // Chrome before the headline (logo, section names, dates, bylines) is dropped only on a page
  // that shows furniture somewhere: a letter's first lines ("To the Military Prosecutor") stay.
  const isPage = drop.some((d, k) => d && texts[k] !== '');
  const headline = texts.findIndex((t, k) => !drop[k] && isHeadlineCandidate(t));
  if (isPage && headline >= 0) {
    for (let k = 0; k < headline; k++) drop[k] = true;
    for (let k = headline + 1; k < texts.length; k++) {
      if (drop[k]) continue;
      if (!isHeadlineLike(texts[k]) || wordsOf(texts[k]).length >= 8) break;
      drop[k] = true;
    }
  }
  for (let k = 0; k < texts.length; k++) {
    // A call to action brings its blurb: the tagline right after it, short, without a clause
    // or a quote ("Quiet stories. Loud facts. Every weekday.").
    const next = texts[k + 1];
    if (
      drop[k] &&
      CALL_TO_ACTION.test(texts[k]) &&
      next !== undefined &&
      next.length < 90 &&
      !/[,;"«“„]/.test(next)
    )
      drop[k + 1] = true;
    // A teaser heading brings the headlines and dates listed under it.
    if (isTeaserHeading(texts[k])) {
      drop[k] = true;
      for (let j = k + 1; j < texts.length && (isHeadlineLike(texts[j]) || drop[j]); j++) drop[j] = true;
    }
  }
  // A trailing run of three or more headlines after the last paragraph: a related-stories list.
  let tail = texts.length;
  while (
    tail > 0 &&
    (drop[tail - 1] || (isHeadlineLike(texts[tail - 1]) && wordsOf(texts[tail - 1]).length >= 4))
  )
    tail--;
  const trailing = texts.slice(tail).filter((_, k) => !drop[tail + k]).length;
  if (trailing >= 3) for (let k = tail; k < texts.length; k++) drop[k] = true;
  return drop;
}

/** The headline of a cleaned text: its first line, when that line can be one. */
export function headlineOf(text: string): string | null {
  const first = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return first && !isFurnitureLine(first) ? first.slice(0, 500) : null;
}

/**
 * Cleans text copied from a page (or typed): drops the furniture lines and keeps the rest as
 * it was, paragraphs and line breaks included. Clean text comes back unchanged.
 */
export function cleanPastedText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const indexOfBlock: number[] = [];
  const blocks: TextBlock[] = [];
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    indexOfBlock.push(k);
    blocks.push({ text: line });
  });
  const flags = furnitureFlags(blocks);
  if (!flags.some(Boolean)) return normalized;
  const dropped = new Set(indexOfBlock.filter((_, b) => flags[b]));
  return lines
    .filter((_, k) => !dropped.has(k))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
