import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToArticle } from './html-to-text.js';

const PAGE = `<!doctype html><html><head><title>Site — Men held</title>
<meta property="og:title" content="Men held in a basement">
<meta property="article:published_time" content="2022-11-07T10:00:00Z">
<script>var x = "held";</script></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Men held in a basement</h1>
<div class="share-buttons"><a>Share on Facebook</a></div>
<p>21 men are held in a basement in Zaitseve.</p>
<figure><img src="a.jpg"><figcaption>A basement, photo by someone</figcaption></figure>
<p>Their wives wrote to the Investigative Committee.</p>
<div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
<p>Sign up for The Beet</p>
<aside class="related"><a>Other story</a></aside>
</article><footer>© Outlet</footer></body></html>`;

test('keeps only the article: title, published date and body paragraphs', () => {
  const a = htmlToArticle(PAGE);
  assert.equal(a.title, 'Men held in a basement');
  assert.equal(a.published, '2022-11-07');
  assert.equal(
    a.body,
    '21 men are held in a basement in Zaitseve.\n\nTheir wives wrote to the Investigative Committee.',
  );
});
