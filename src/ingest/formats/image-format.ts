// Apart from image-file.ts (which loads the image library) so that sniffing a file costs nothing.

/** Images read by OCR, by the media type their content shows. */
export const IMAGE_MEDIA_TYPES = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
} as const;
export type ImageFormat = keyof typeof IMAGE_MEDIA_TYPES;

/** The image format of these bytes by their magic bytes, or undefined when they are not one. */
export function imageFormatOf(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 4) {
    const head = bytes.readUInt32BE(0);
    if (head === 0x49492a00 || head === 0x4d4d002a) return 'tiff';
  }
  return undefined;
}
