import type { Bits } from "../../../domain/fingerprint.js";
import type { CarrierBits, VisibleMark } from "./types.js";

/**
 * Marks a PDF for one recipient: a visible mark on every page and the fingerprint `bits`
 * (one frame, see domain/fingerprint.ts) carried invisibly. Returns the new PDF bytes.
 * PLACEHOLDER: implemented by the PDF watermark work.
 */
export async function markPdf(_pdf: Uint8Array, _mark: VisibleMark, _bits: Bits): Promise<Uint8Array> {
  throw new Error("markPdf is not implemented yet");
}

/** Every fingerprint candidate found in a PDF, per carrier; [] when none. PLACEHOLDER. */
export async function readPdfFingerprints(_pdf: Uint8Array): Promise<CarrierBits[]> {
  return [];
}
