import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { furnitureFlags, isFurnitureLine, type TextBlock } from './furniture.js';

/** The article of an HTML page: headline, publication date from metadata, body as plain text. */
export interface HtmlArticle {
  title: string | null;
  published: string | null;
  body: string;
}

// Elements that never hold article prose.
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'figure',
  'figcaption',
  'iframe',
  'select',
  'input',
  'textarea',
  'dialog',
  'menu',
  'picture',
  'video',
  'audio',
]);
// Page furniture recognised by class, id, role or aria-label: sharing, newsletters, related links,
// captions, ads, comments, breadcrumbs.
const DROP_ATTR =
  /share|social|newsletter|subscri|related|recommend|read-?more|more-news|promo|advert|(?:^|[-_ ])ads?(?:$|[-_ ])|banner|cookie|consent|caption|credit|breadcrumb|comment|sidebar|(?:^|[-_ ])nav|menu|tags|donat|paywall|popup|modal|footer|byline|author|toolbar|skip|sr-only|visually-hidden|screen-reader|teaser/i;
// ARIA landmarks and roles that are never the article.
const DROP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
]);
const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']);

function attrs(el: Element): string {
  const a = el.attribs;
  return `${a.class ?? ''} ${a.id ?? ''} ${a.role ?? ''} ${a['aria-label'] ?? ''}`;
}

function isJunk(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  if (DROP_ROLES.has(el.attribs.role ?? '') || el.attribs['aria-hidden'] === 'true' || 'hidden' in el.attribs)
    return true;
  if (el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') return false;
  return DROP_ATTR.test(attrs(el));
}

function textOf(node: ChildNode): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
}

function linkChars(el: Element): number {
  return DomUtils.findAll((e) => e.name === 'a', el.children).reduce((n, a) => n + textOf(a).length, 0);
}

function collectBlocks(node: ChildNode, out: TextBlock[]): void {
  if (node.type === 'text') return;
  if (!('children' in node)) return;
  const el = node as Element;
  if (el.name && isJunk(el)) return;
  if (
    el.name &&
    BLOCK_TAGS.has(el.name) &&
    !DomUtils.findOne((c) => BLOCK_TAGS.has(c.name), el.children, true)
  ) {
    const text = textOf(el);
    if (text) out.push({ text, linkChars: linkChars(el) });
    return;
  }
  for (const child of el.children) collectBlocks(child, out);
}

// The article container: an explicit one (schema.org articleBody, <article>) or else the element
// whose own paragraphs hold the most text, as reader modes do.
function findRoot(all: Element[], body: Element | null): Element | null {
  const explicit = all.filter(
    (e) =>
      e.attribs.itemprop === 'articleBody' ||
      /article[-_]?body|post[-_]content|entry[-_]content|story[-_]body/i.test(e.attribs.class ?? ''),
  );
  const articles = explicit.length ? explicit : all.filter((e) => e.name === 'article');
  const pool = articles.length
    ? articles
    : all.filter((e) => e.children.some((c) => c.type === 'tag' && (c as Element).name === 'p'));
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of pool) {
    const score =
      el.children
        .filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'p')
        .reduce((sum, p) => sum + textOf(p).length, 0) + (articles.length ? textOf(el).length / 10 : 0);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ?? body;
}

function metaContent(all: Element[], keys: string[]): string | null {
  for (const key of keys) {
    const el = all.find(
      (e) =>
        e.name === 'meta' &&
        [e.attribs.property, e.attribs.name, e.attribs.itemprop].some((v) => v?.toLowerCase() === key),
    );
    if (el?.attribs.content) return el.attribs.content.trim();
  }
  return null;
}

function isoDay(value: string | null | undefined): string | null {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function jsonLdPublished(all: Element[]): string | null {
  for (const el of all.filter((e) => e.name === 'script' && e.attribs.type === 'application/ld+json')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(DomUtils.textContent(el));
    if (m) return isoDay(m[1]);
  }
  return null;
}

// Separators between a headline and the site's name in <title> and og:title.
const SITE_SEPARATOR = /\s+[|—–·:-]\s+/;

/** The headline without the site's name that pages append or prepend to it. */
function withoutSiteName(title: string, siteName: string | null): string {
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length < 2) return title;
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const site = siteName ? fold(siteName) : null;
  const kept = site ? parts.filter((p) => fold(p) !== site) : parts;
  if (site) return kept.join(' — ') || title;
  // No declared site name: the longest part is the headline.
  return kept.reduce((a, b) => (b.length > a.length ? b : a));
}

/** The page's headline: the article's h1, else og:title, else <title>, never a furniture line. */
function headlineOf(all: Element[], root: Element | null): string | null {
  const siteName = metaContent(all, ['og:site_name', 'application-name']);
  const h1s = all.filter((e) => e.name === 'h1' && !isJunk(e));
  const inRoot = root ? h1s.filter((h) => DomUtils.findOne((e) => e === h, root.children, true)) : [];
  const titleTag = all.find((e) => e.name === 'title');
  const candidates = [
    ...inRoot.map(textOf),
    ...h1s.map(textOf),
    metaContent(all, ['og:title', 'twitter:title', 'headline']),
    titleTag ? textOf(titleTag) : null,
  ];
  for (const raw of candidates) {
    const title = raw ? withoutSiteName(raw.replace(/\s+/g, ' ').trim(), siteName) : '';
    if (title && !isFurnitureLine(title)) return title;
  }
  return null;
}

/** Extracts the article (title, published date, body text) from an HTML page. */
export function htmlToArticle(html: string): HtmlArticle {
  const dom = parseDocument(html, { decodeEntities: true });
  const all = DomUtils.findAll(() => true, dom.children);
  const timeEl = all.find((e) => e.name === 'time' && e.attribs.datetime);
  const published =
    isoDay(
      metaContent(all, [
        'article:published_time',
        'datepublished',
        'pubdate',
        'publish-date',
        'date',
        'dc.date',
        'dc.date.issued',
        'parsely-pub-date',
        'og:published_time',
      ]),
    ) ??
    jsonLdPublished(all) ??
    isoDay(timeEl?.attribs.datetime);
  const body = all.find((e) => e.name === 'body') ?? null;
  const root = findRoot(all, body);
  const title = headlineOf(all, root);
  const blocks: TextBlock[] = [];
  if (root) collectBlocks(root, blocks);
  if (blocks.length === 0 && root) blocks.push({ text: textOf(root) });
  const withoutTitle = blocks.filter((b, i) => b.text && !(i === 0 && title && b.text === title));
  // The headline leads the blocks so the furniture rules see the page as a reader does.
  const flags = furnitureFlags(title ? [{ text: title }, ...withoutTitle] : withoutTitle);
  const offset = title ? 1 : 0;
  const paragraphs = withoutTitle.filter((_, k) => !flags[k + offset]).map((b) => b.text);
  return { title, published, body: paragraphs.join('\n\n') };
}
