import { Jimp } from "jimp";
import { type Bits, FRAME_BITS } from "../../../domain/fingerprint.js";
import { blockCount, embedBlocks, readBlocks } from "./image-blocks.js";
import {
  addMetadataCarrier,
  IMAGE_MIME,
  type ImageFormat,
  imageSize,
  readMetadataCarrier,
  sniffImage,
} from "./image-format.js";
import { bandLayout, drawVisibleMark } from "./image-visible.js";
import type { CarrierBits, VisibleMark } from "./types.js";

/**
 * PNG/JPEG watermarking (issue 7): a visible mark (band + diagonal text, image-visible.ts) and
 * the fingerprint frame in two carriers: the mean luminance of 8×8 blocks (image-blocks.ts),
 * which survives re-encoding, and a comment in the file (image-format.ts), which survives only
 * byte-exact copies but costs nothing to read.
 */

/** Larger images are refused before decoding: 40 MP of RGBA is already 160 MB of memory. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** JPEG quality of marked copies: close to the usual camera/export quality, and keeps the DC step small. */
const JPEG_QUALITY = 90;
/**
 * jimp's JPEG encoder (jpeg-js) darkens block means by about 0.43 grey level per encode (measured
 * at qualities 75–95); marked JPEGs are lifted by as much so they leave our hands centred.
 */
const JPEG_ENCODER_BIAS = 0.43;

/** The image cannot be marked (or read): not PNG/JPEG, a broken header, undecodable, or too large. */
export class ImageNotMarkable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageNotMarkable";
  }
}

type Decoded = Awaited<ReturnType<typeof Jimp.fromBuffer>>;

/** Checks the header's pixel count, then decodes; every failure becomes {@link ImageNotMarkable}. */
async function decode(bytes: Uint8Array, format: ImageFormat): Promise<Decoded> {
  const size = imageSize(bytes, format);
  if (!size || size.width === 0 || size.height === 0)
    throw new ImageNotMarkable(`unreadable ${format} header`);
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    throw new ImageNotMarkable(`image too large: ${size.width}x${size.height} pixels`);
  try {
    return await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new ImageNotMarkable(`cannot decode ${format}: ${(err as Error).message}`);
  }
}

/**
 * Marks a PNG or JPEG image for one recipient: a visible mark and the fingerprint `bits` (one
 * frame from `encodeCopyId`) carried invisibly; the output keeps the input's format (the format
 * of the bytes, which upload checks already matched to `type`). Images too small for one frame of
 * blocks (under ~240 blocks of 8×8 above the band) carry the metadata fingerprint only.
 * @throws ImageNotMarkable for bytes that are not a decodable PNG/JPEG of at most 40 megapixels.
 */
export async function markImage(
  image: Uint8Array,
  type: "image/png" | "image/jpeg",
  mark: VisibleMark,
  bits: Bits,
): Promise<Uint8Array> {
  if (bits.length !== FRAME_BITS || bits.some((b) => b !== 0 && b !== 1))
    throw new RangeError(`expected one ${FRAME_BITS}-bit fingerprint frame`);
  const format = sniffImage(image);
  if (!format) throw new ImageNotMarkable(`not a ${type} image`);
  const img = await decode(image, format);
  // The visible mark first: the blocks are then adjusted over it, so the diagonal text (which
  // changes block means) cannot disturb them, and the band is left out of the block grid.
  await drawVisibleMark(img, mark);
  const { width, height } = img.bitmap;
  const top = bandLayout(width, height).top;
  if (blockCount(width, top) >= FRAME_BITS)
    embedBlocks(img.bitmap, bits, top, format === "jpeg" ? JPEG_ENCODER_BIAS : 0);
  const encoded =
    format === "jpeg"
      ? await img.getBuffer(IMAGE_MIME.jpeg, { quality: JPEG_QUALITY })
      : await img.getBuffer(IMAGE_MIME.png);
  return addMetadataCarrier(encoded, format, bits);
}

/**
 * Every fingerprint candidate found in a PNG or JPEG image, per carrier; [] when none. The
 * metadata is read even when the pixels cannot be (too large, damaged), since it costs nothing.
 * @throws ImageNotMarkable when the bytes are neither PNG nor JPEG.
 */
export async function readImageFingerprints(image: Uint8Array): Promise<CarrierBits[]> {
  const format = sniffImage(image);
  if (!format) throw new ImageNotMarkable("not a PNG or JPEG image");
  const out: CarrierBits[] = [];
  const comments = readMetadataCarrier(image, format);
  if (comments.length > 0) {
    const bits = new Uint8Array(comments.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of comments) {
      bits.set(c, at);
      at += c.length;
    }
    out.push({ carrier: "image_metadata", bits });
  }
  let img: Decoded;
  try {
    img = await decode(image, format);
  } catch (err) {
    if (err instanceof ImageNotMarkable) return out;
    throw err;
  }
  const { width, height } = img.bitmap;
  const blocks = readBlocks(img.bitmap, bandLayout(width, height).top);
  if (blocks) out.push({ carrier: "image_blocks", bits: blocks });
  return out;
}
