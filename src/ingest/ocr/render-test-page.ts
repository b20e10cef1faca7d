import sharp from 'sharp';

/** How a rendered test page is damaged to look like a real scan or phone photo. */
export interface TestPageOptions {
  /** Text size in pixels; 42 px is 10-point type at 300 dpi. */
  fontSize?: number;
  /** Degrees the page is turned (a scan fed askew). */
  skew?: number;
  /** Share of pixels flipped to black or white (scanner dust, sensor noise), 0–1. */
  noise?: number;
  /** How much narrower the page's top edge is than its bottom (a photo taken at an angle), 0–0.3. */
  perspective?: number;
  /** Light falling off across the page, as under a desk lamp. */
  shade?: boolean;
  format?: 'png' | 'jpeg' | 'tiff';
  /** Seed of the noise, so a page renders the same every time. */
  seed?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Renders lines of text to a page image the way tests and the bench need them: a clean A4-wide
 * page at 300 dpi, then damaged as asked (skew, noise, perspective, shade) with a fixed seed.
 * It stands in for a real scan: nothing of a real reply is committed to the repository.
 */
export async function renderTestPage(lines: string[], options: TestPageOptions = {}): Promise<Buffer> {
  const { fontSize = 42, skew = 0, noise = 0, perspective = 0, shade = false, format = 'png' } = options;
  const width = 2480;
  const lineHeight = Math.round(fontSize * 1.6);
  const height = Math.max(800, 300 + lines.length * lineHeight + 300);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#ffffff"/>
${lines
  .map(
    (line, i) =>
      `<text x="240" y="${300 + i * lineHeight}" font-family="DejaVu Serif" font-size="${fontSize}" fill="#111">${esc(line)}</text>`,
  )
  .join('\n')}
</svg>`;
  const flat = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
  let pixels = perspective > 0 ? warp(flat, width, height, perspective) : flat;
  if (shade) pixels = shaded(pixels, width, height);
  if (noise > 0) pixels = speckled(pixels, noise, options.seed ?? 1);
  let image = sharp(pixels, { raw: { width, height, channels: 1 } });
  if (skew) image = image.rotate(skew, { background: '#ffffff' });
  if (format === 'jpeg') return image.jpeg({ quality: 85 }).toBuffer();
  if (format === 'tiff') return image.tiff({ compression: 'lzw' }).toBuffer();
  return image.png().toBuffer();
}

/** Projects the page so its top edge is `k` narrower than its bottom (nearest-neighbour). */
function warp(src: Buffer, width: number, height: number, k: number): Buffer {
  const out = Buffer.alloc(src.length, 0x60);
  for (let y = 0; y < height; y++) {
    // At row y the page's width shrinks linearly toward the top; rows are also compressed there.
    const t = y / height;
    const scale = 1 - k * (1 - t);
    const sy = Math.min(height - 1, Math.round(height * (t * t * k + t * (1 - k))));
    const inset = (width * (1 - scale)) / 2;
    for (let x = 0; x < width; x++) {
      const sx = Math.round((x - inset) / scale);
      out[y * width + x] = sx >= 0 && sx < width ? src[sy * width + sx] : 0x60;
    }
  }
  return out;
}

function shaded(src: Buffer, width: number, height: number): Buffer {
  const out = Buffer.alloc(src.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const light = 1 - 0.45 * (x / width) * (y / height);
      out[y * width + x] = Math.round(src[y * width + x] * light);
    }
  return out;
}

function speckled(src: Buffer, share: number, seed: number): Buffer {
  const out = Buffer.from(src);
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < out.length; i++) {
    const r = next();
    if (r < share / 2) out[i] = 0;
    else if (r < share) out[i] = 255;
  }
  return out;
}
