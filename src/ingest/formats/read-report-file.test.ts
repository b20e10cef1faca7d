import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../../domain/errors.js';
import { buildDocx, buildEml, buildPdf, buildZip } from '../../testing/report-files.js';
import { readReportFile } from './read-report-file.js';

const LINE = 'Relatives say 21 men are held in a basement in Zaitseve.';

async function refusal(bytes: Buffer): Promise<VigilError> {
  try {
    await readReportFile(bytes);
  } catch (err) {
    assert.ok(err instanceof VigilError, String(err));
    return err;
  }
  assert.fail('the file was accepted');
}

test('reads the text layer and metadata of a PDF', async () => {
  const file = await readReportFile(buildPdf(['Men held in a basement', LINE], 'Basement report'));
  assert.equal(file.format, 'pdf');
  assert.match(file.text, /held in a basement in Zaitseve/);
  assert.equal(file.title, 'Basement report');
  assert.equal(file.published, '2024-03-05');
});

test('reads the paragraphs of a .docx and the text of an e-mail', async () => {
  const docx = await readReportFile(buildDocx(['Men held in a basement', LINE], 'Docx report'));
  assert.equal(docx.format, 'docx');
  assert.equal(docx.text, `Men held in a basement\n${LINE}`);
  assert.equal(docx.title, 'Docx report');
  const eml = await readReportFile(buildEml('Men held in a basement', `${LINE}\r\nWrite to us.`));
  assert.equal(eml.format, 'eml');
  assert.equal(eml.title, 'Men held in a basement');
  assert.equal(eml.published, '2024-03-05');
  assert.equal(eml.outlet, 'outlet.example');
  assert.match(eml.text, /Zaitseve\.\nWrite to us\./);
});

test('keeps no script or markup of an HTML page and reads its canonical URL and site name', async () => {
  const html = `<!doctype html><html><head><title>Held</title><meta property="og:site_name" content="Outlet"><link rel="canonical" href="https://outlet.example/held"><script>alert('x')</script></head>
<body><article><h1>Men held in a basement</h1><p onclick="steal()">${LINE}</p><script>document.cookie</script><p>They get no food.</p></article></body></html>`;
  const file = await readReportFile(Buffer.from(html));
  assert.equal(file.format, 'html');
  assert.equal(file.url, 'https://outlet.example/held');
  assert.equal(file.outlet, 'Outlet');
  assert.doesNotMatch(file.text, /alert|cookie|steal|<|>/);
  assert.match(file.text, /They get no food/);
});

test('detects the type from the content, not the name', async () => {
  const named = await readReportFile(buildPdf([LINE]));
  assert.equal(named.mediaType, 'application/pdf');
  assert.equal((await readReportFile(Buffer.from(LINE))).format, 'text');
});

test('refuses a damaged PDF, a damaged or forged zip, a compression bomb, a damaged image and unknown types', async () => {
  const pdf = buildPdf([LINE]);
  assert.equal((await refusal(pdf.subarray(0, 200))).kind, 'invalid_input');
  const docx = buildDocx([LINE]);
  assert.equal((await refusal(docx.subarray(0, docx.length - 30))).kind, 'invalid_input');
  const bomb = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) }]);
  assert.ok(bomb.length < 100_000);
  assert.equal((await refusal(bomb)).kind, 'too_large');
  // Headers that understate the size: inflating stops at the declared size.
  const forged = buildZip([
    { name: 'word/document.xml', data: Buffer.alloc(200_000, 0x41), declaredSize: 10_000 },
  ]);
  assert.equal((await refusal(forged)).kind, 'too_large');
  assert.equal(
    (await refusal(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]))).kind,
    'unsupported_media_type',
  );
  // A phone's HEIC photo: no kept library decodes HEVC, so it is refused by name.
  const heic = await refusal(heicHeader());
  assert.equal(heic.kind, 'unsupported_media_type');
  assert.match(heic.message, /HEIC .*JPEG/);
  // PNGs are read by OCR: one cut off after its signature is a damaged image, not an unknown type.
  assert.equal(
    (await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).kind,
    'invalid_input',
  );
  assert.equal(
    (await refusal(Buffer.from('<html><body><script>x()</script></body></html>'))).kind,
    'invalid_input',
  );
  assert.equal((await refusal(Buffer.alloc(0))).kind, 'invalid_input');
});

/** The start of a HEIC file as phones write it: an ISO media `ftyp` box of brand heic, then meta. */
function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('meta', 'latin1'), Buffer.alloc(64)]);
}

test('reads the same text saved with other line ends or trailing blanks as the same text', async () => {
  const plain = await readReportFile(Buffer.from(`Men held in a basement\n\n${LINE}\n`));
  const windows = await readReportFile(Buffer.from(`  Men held in a basement  \r\n\r\n${LINE}\t\r\n\r\n`));
  assert.equal(windows.text, plain.text);
  assert.equal(plain.text, `Men held in a basement\n\n${LINE}`);
  // Blanks inside a line are the author's: only those at line ends go.
  assert.equal((await readReportFile(Buffer.from(`Held  in\ta basement \n`))).text, 'Held  in\ta basement');
});
