import { DomUtils, parseDocument } from 'htmlparser2';
import { isWebUrl } from '../../domain/web-url.js';

/** What a news page says about itself in its <head>: canonical URL and site name. */
export interface HtmlMetadata {
  url: string | null;
  outlet: string | null;
}

const EXECUTABLE = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed']);

/**
 * The page without scripts, styles and embedded objects, so that nothing of them can reach the
 * clean text, whichever way the article is then found.
 */
export function withoutScripts(html: string): string {
  const doc = parseDocument(html, { decodeEntities: false });
  for (const el of DomUtils.findAll((e) => EXECUTABLE.has(e.name.toLowerCase()), doc.children))
    DomUtils.removeElement(el);
  return DomUtils.getOuterHTML(doc, { decodeEntities: false });
}

/** Reads og:url / rel=canonical and og:site_name / application-name from an HTML page. */
export function htmlMetadata(html: string): HtmlMetadata {
  const doc = parseDocument(html.slice(0, 200_000));
  let url: string | null = null;
  let outlet: string | null = null;
  for (const el of DomUtils.getElementsByTagName('meta', doc)) {
    const key = (el.attribs.property ?? el.attribs.name ?? '').toLowerCase();
    const content = el.attribs.content?.trim();
    if (!content) continue;
    if (key === 'og:url' && !url) url = content;
    if ((key === 'og:site_name' || key === 'application-name') && !outlet) outlet = content;
  }
  if (!url) {
    const canonical = DomUtils.getElementsByTagName('link', doc).find((l) =>
      (l.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    );
    url = canonical?.attribs.href?.trim() || null;
  }
  return {
    // A page names itself: a javascript: or relative "canonical" is no address of the source.
    url: isWebUrl(url) ? url : null,
    outlet: outlet?.slice(0, 300) ?? null,
  };
}
