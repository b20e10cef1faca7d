import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { VigilError } from '../../domain/errors.js';
import { type ZipLimits, ZipReader } from './zip-reader.js';

/** Text and core properties of a Word document. */
export interface DocxContent {
  text: string;
  title: string | null;
  published: string | null;
}

const { textContent } = DomUtils;
const isTag = (node: ChildNode): node is Element => node.type === 'tag';

/** Reads the paragraphs of a .docx (word/document.xml) as plain text, one paragraph per line. */
export function docxText(bytes: Buffer, limits?: ZipLimits): DocxContent {
  const zip = new ZipReader(bytes, limits);
  if (!zip.has('word/document.xml'))
    throw new VigilError('invalid_input', 'the zip file is not a Word document');
  const doc = parseDocument(zip.read('word/document.xml').toString('utf8'), { xmlMode: true });
  const paragraphs: string[] = [];
  let current = '';
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'w:t') current += textContent(node);
      else if (node.name === 'w:tab') current += '\t';
      else if (node.name === 'w:br' || node.name === 'w:cr') current += '\n';
      else walk(node.children);
      if (node.name === 'w:p') {
        paragraphs.push(current);
        current = '';
      }
    }
  };
  walk(doc.children);
  if (current) paragraphs.push(current);
  const text = paragraphs
    .map((p) => p.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  let title: string | null = null;
  let published: string | null = null;
  if (zip.has('docProps/core.xml')) {
    const core = zip.read('docProps/core.xml').toString('utf8');
    title = /<dc:title>([^<]{1,500})<\/dc:title>/.exec(core)?.[1]?.trim() || null;
    published = /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})/.exec(core)?.[1] ?? null;
  }
  return { text, title, published };
}
