import { Jimp, loadFont, rgbaToInt } from "jimp";
import { SANS_16_BLACK, SANS_32_BLACK } from "jimp/fonts";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

/**
 * The demo's documents, generated at load time rather than shipped as binaries: a three-page PDF
 * specification, a PNG architecture diagram and a CSV extract. Real files of each kind, so the
 * watermarking, viewer and leak tracing have something true to work on.
 */

const INK = rgb(0.13, 0.15, 0.2);
const MUTED = rgb(0.42, 0.45, 0.52);
const ACCENT = rgb(0.16, 0.36, 0.72);

/** Writes `text` wrapped to `width` from (x, y) downwards; returns the y below the last line. */
function paragraph(
  page: PDFPage,
  font: PDFFont,
  text: string,
  x: number,
  y: number,
  width: number,
  size = 10.5,
) {
  const words = text.split(/\s+/);
  let line = "";
  let at = y;
  const flush = () => {
    page.drawText(line, { x, y: at, size, font, color: INK });
    at -= size * 1.45;
  };
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      flush();
      line = w;
    } else line = next;
  }
  if (line) flush();
  return at - size * 0.6;
}

/** The pages of the specification: a heading and its paragraphs (or "• " bullets) each. */
const SPEC_PAGES: { heading: string; blocks: string[] }[] = [
  {
    heading: "1. Purpose and scope",
    blocks: [
      "This specification describes version 2 of the Payments API that the nearshore team builds and operates on our behalf. It covers the public REST interface, the settlement batch and the operational duties of the supplier.",
      "The document is confidential. It may be shared only with named staff of the supplier who work on the Payments platform, under the non-disclosure agreement in force between the parties.",
      "• In scope: card and SEPA payment initiation, refunds, settlement reports, webhooks.",
      "• Out of scope: merchant onboarding, fraud scoring (a separate supplier), the ledger.",
      "• Availability target: 99.95% per calendar month, measured at the load balancer.",
    ],
  },
  {
    heading: "2. Interface",
    blocks: [
      "All endpoints are served under /v2 over TLS 1.3 with mutual authentication. Requests and responses are JSON; amounts are integer minor units with an ISO 4217 currency code.",
      "• POST /v2/payments creates a payment; idempotent with the Idempotency-Key header (24 hours).",
      "• GET /v2/payments/{id} returns the payment and its state history.",
      "• POST /v2/payments/{id}/refunds refunds all or part of a captured payment.",
      "• GET /v2/settlements?date= lists the settlement batch of a business day (CSV or JSON).",
      "Errors follow RFC 9457 problem details with a stable code. Rate limit: 300 requests per second per merchant; the supplier alerts at 80%.",
    ],
  },
  {
    heading: "3. Security and data handling",
    blocks: [
      "Card numbers never leave the PCI zone: the API stores tokens only. Personal data is processed in the EU region; no copy may be kept on developer laptops or in test systems.",
      "• Secrets live in the managed vault; rotation every 90 days and at every staff change.",
      "• Production access is just-in-time, approved per incident, and recorded.",
      "• Security incidents are reported to us within 4 hours, personal-data breaches within 24 hours.",
      "Test data must be generated or anonymised (see the test data extract shared alongside this document). Breach of these rules is a breach of the NDA.",
    ],
  },
];

/** The supplier security requirements: one page, for another partner's document room. */
const REQUIREMENTS_PAGES: { heading: string; blocks: string[] }[] = [
  {
    heading: "1. Requirements",
    blocks: [
      "Every supplier that handles our data or builds our systems meets these requirements from the first day of the contract, and confirms them yearly in the security questionnaire.",
      "• Staff are screened before access and trained on security every year.",
      "• Laptops are encrypted, patched within 14 days and managed centrally.",
      "• Access to our systems uses our single sign-on with multi-factor authentication.",
      "• Incidents are reported to our security desk within 4 hours.",
      "• Sub-contractors are used only with our written consent.",
    ],
  },
];

/** A PDF with a coloured header band, a title on the first page and numbered pages. */
async function brandedPdf(
  title: string,
  subtitle: string,
  label: string,
  pages: { heading: string; blocks: string[] }[],
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor("Northwind Payments");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const [i, section] of pages.entries()) {
    const page = pdf.addPage([595, 842]); // A4 in points
    page.drawRectangle({ x: 0, y: 800, width: 595, height: 42, color: ACCENT });
    page.drawText(title, {
      x: 56,
      y: 815,
      size: 12,
      font: bold,
      color: rgb(1, 1, 1),
    });
    page.drawText(label, {
      x: 539 - bold.widthOfTextAtSize(label, 10),
      y: 815,
      size: 10,
      font: bold,
      color: rgb(1, 0.85, 0.6),
    });
    let y = 750;
    if (i === 0) {
      page.drawText(title, { x: 56, y, size: 22, font: bold, color: INK });
      y -= 22;
      page.drawText(subtitle, {
        x: 56,
        y,
        size: 11,
        font: regular,
        color: MUTED,
      });
      y -= 40;
    }
    page.drawText(section.heading, { x: 56, y, size: 16, font: bold, color: ACCENT });
    y -= 28;
    for (const block of section.blocks) y = paragraph(page, regular, block, 56, y, 483);
    page.drawLine({ start: { x: 56, y: 60 }, end: { x: 539, y: 60 }, thickness: 0.5, color: MUTED });
    page.drawText(`Page ${i + 1} of ${pages.length}`, {
      x: 490,
      y: 44,
      size: 9,
      font: regular,
      color: MUTED,
    });
  }
  return Buffer.from(await pdf.save());
}

/** A three-page "Payments API v2" specification made with pdf-lib. */
export const specificationPdf = () =>
  brandedPdf(
    "Payments API v2 – interface specification",
    "Version 2.3 · owner: Payments platform team",
    "CONFIDENTIAL",
    SPEC_PAGES,
  );

/** A one-page list of the security requirements every supplier meets. */
export const requirementsPdf = () =>
  brandedPdf(
    "Supplier security requirements",
    "Version 1.4 · owner: Information security",
    "INTERNAL",
    REQUIREMENTS_PAGES,
  );

/** Fills a rectangle of `image` with `color` (Jimp has no shape drawing of its own). */
function fillRect(
  image: InstanceType<typeof Jimp>,
  x: number,
  y: number,
  w: number,
  h: number,
  color: number,
) {
  image.scan(x, y, w, h, (px, py) => {
    image.setPixelColor(color, px, py);
  });
}

/** A PNG architecture diagram: boxes for the services, lines for the calls between them. */
export async function architecturePng(): Promise<Buffer> {
  const image = new Jimp({ width: 960, height: 540, color: 0xf6f8fbff });
  const [big, small] = await Promise.all([loadFont(SANS_32_BLACK), loadFont(SANS_16_BLACK)]);
  const line = rgbaToInt(120, 130, 150, 255);
  const boxes = [
    { x: 60, y: 200, label: "Merchant apps", fill: rgbaToInt(220, 232, 250, 255) },
    { x: 370, y: 110, label: "API gateway", fill: rgbaToInt(222, 245, 232, 255) },
    { x: 370, y: 300, label: "Payments service", fill: rgbaToInt(222, 245, 232, 255) },
    { x: 680, y: 110, label: "Card vault (PCI)", fill: rgbaToInt(252, 228, 222, 255) },
    { x: 680, y: 300, label: "Settlement batch", fill: rgbaToInt(252, 240, 214, 255) },
  ];
  // Connectors first, so the boxes sit on top of them.
  fillRect(image, 280, 250, 47, 3, line);
  fillRect(image, 325, 160, 3, 190, line);
  fillRect(image, 325, 160, 45, 3, line);
  fillRect(image, 325, 350, 45, 3, line);
  fillRect(image, 590, 160, 90, 3, line);
  fillRect(image, 590, 350, 90, 3, line);
  fillRect(image, 480, 210, 3, 90, line);
  for (const b of boxes) {
    fillRect(image, b.x - 2, b.y - 2, 224, 104, line);
    fillRect(image, b.x, b.y, 220, 100, b.fill);
    image.print({ font: small, x: b.x + 16, y: b.y + 40, text: b.label });
  }
  image.print({ font: big, x: 60, y: 30, text: "Payments platform - architecture" });
  image.print({ font: small, x: 60, y: 480, text: "Restricted · EU region · v2.3" });
  return image.getBuffer("image/png");
}

/** A small CSV of anonymised test transactions (made up, deterministic). */
export function testDataCsv(): Buffer {
  const rows = ["transaction_id,merchant,amount_minor,currency,status,created_at"];
  const statuses = ["captured", "captured", "refunded", "failed", "captured"];
  for (let i = 0; i < 40; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    rows.push(
      [
        `tx_demo_${String(1000 + i)}`,
        `merchant_${String.fromCharCode(65 + (i % 6))}`,
        String(1250 + ((i * 7919) % 98000)),
        i % 4 === 0 ? "USD" : "EUR",
        statuses[i % statuses.length],
        `2026-03-${day}T${String(8 + (i % 10)).padStart(2, "0")}:15:00Z`,
      ].join(","),
    );
  }
  return Buffer.from(`${rows.join("\n")}\n`);
}
