import type { Bits } from "../../../domain/fingerprint.js";
import type { CarrierBits, VisibleMark } from "./types.js";

/**
 * Marks a PNG or JPEG image for one recipient: a visible mark and the fingerprint `bits`
 * carried invisibly; the output keeps the input's format. PLACEHOLDER: implemented by the image
 * watermark work.
 */
export async function markImage(
  _image: Uint8Array,
  _type: "image/png" | "image/jpeg",
  _mark: VisibleMark,
  _bits: Bits,
): Promise<Uint8Array> {
  throw new Error("markImage is not implemented yet");
}

/** Every fingerprint candidate found in a PNG or JPEG image, per carrier; [] when none. PLACEHOLDER. */
export async function readImageFingerprints(_image: Uint8Array): Promise<CarrierBits[]> {
  return [];
}
