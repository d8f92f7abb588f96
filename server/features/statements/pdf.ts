import { access } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { AppError } from '../../lib/errors';
import { DISCLAIMER, shanghaiMinute, statementRows, yuan, type StatementDocument, type StatementWords, type TableRow } from './table';

/** The face used when the font file is a collection (.ttc) and its path names none (`file.ttc#Face`). */
const DEFAULT_COLLECTION_FACE = 'NotoSansCJKsc-Regular';

const MARGIN = 40;
const FOOTER = 24;
const CELL_PAD = 3;
const BODY_SIZE = 7.5;

/** `path` or `path#Face`: the file, and the face to take from a collection. */
export function parseFontSetting(setting: string): { file: string; face?: string } {
  const hash = setting.lastIndexOf('#');
  const file = hash > 0 ? setting.slice(0, hash) : setting;
  const face = hash > 0 ? setting.slice(hash + 1) : /\.ttc$/i.test(file) ? DEFAULT_COLLECTION_FACE : undefined;
  return { file, face };
}

interface Column {
  width: number;
  align?: 'right';
  cell: (row: TableRow) => string;
}

/** A4 portrait fits 515 pt of table: the bank-style columns, with the NGO and its code stacked in one cell. */
function bankColumns(): Column[] {
  return [
    { width: 56, cell: (r) => r.date },
    { width: 40, cell: (r) => r.kind },
    { width: 58, align: 'right', cell: (r) => yuan(r.amountFen) },
    { width: 125, cell: (r) => (r.creditCode ? `${r.receivedBy}\n${r.creditCode}` : r.receivedBy) },
    { width: 130, cell: (r) => (r.transactionId ? `${r.paidVia}\n${r.transactionId}` : r.paidVia) },
    { width: 60, cell: (r) => r.receiptNumber },
    { width: 46, cell: (r) => r.student },
  ];
}

function selfColumns(): Column[] {
  return [
    { width: 56, cell: (r) => r.date },
    { width: 58, align: 'right', cell: (r) => yuan(r.amountFen) },
    { width: 150, cell: (r) => r.receivedBy },
    { width: 181, cell: (r) => r.note },
    { width: 70, cell: (r) => r.source },
  ];
}

/** Draws a table from `doc.y`, starting a new page (with the header again) whenever a row would not fit. */
function drawTable(doc: PDFKit.PDFDocument, header: string[], columns: Column[], rows: TableRow[]) {
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  const heightOf = (texts: string[]) =>
    Math.max(...texts.map((text, i) => doc.heightOfString(text || ' ', { width: columns[i].width - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  const drawRow = (texts: string[], shaded: boolean) => {
    const height = heightOf(texts);
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawRow(header, true);
    }
    const top = doc.y;
    let x = MARGIN;
    if (shaded) doc.rect(MARGIN, top, 515, height).fill('#eeeeee').fillColor('black');
    texts.forEach((text, i) => {
      doc.text(text, x + CELL_PAD, top + CELL_PAD, { width: columns[i].width - 2 * CELL_PAD, align: columns[i].align ?? 'left' });
      x += columns[i].width;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + 515, top + height).lineWidth(0.3).stroke('#999999');
    doc.x = MARGIN;
    doc.y = top + height;
  };
  doc.fontSize(BODY_SIZE);
  drawRow(header, true);
  for (const row of rows) drawRow(columns.map((c) => c.cell(row)), false);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, size: number) {
  if (doc.y + doc.fontSize(size).heightOfString(text, { width: 515 }) > doc.page.height - MARGIN - FOOTER) doc.addPage();
  doc.text(text, MARGIN, doc.y, { width: 515 });
}

function numberPages(doc: PDFKit.PDFDocument, w: StatementWords) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing below the bottom margin would start a new page; lift it while the footer is drawn.
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(w.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN, { width: 515, align: 'center' });
    doc.page.margins.bottom = bottomMargin;
  }
}

async function render(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

/**
 * The statement as an A4 PDF in the reader's language, with a CJK font embedded (as a subset):
 * the disclaimer first, the table (header repeated on every page), totals, then the self-reported
 * gifts and their own subtotal; page numbers and the time it was made on every page.
 */
export async function statementPdf(doc: StatementDocument, fontSetting: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const font = parseFontSetting(fontSetting);
  try {
    await access(font.file);
  } catch {
    throw new AppError('STATEMENT_FONT_MISSING');
  }
  const { words: w, lines, selfReported } = statementRows(doc);
  const { statement } = doc;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: w.title(statement.year), Author: 'Banxue', Creator: 'Banxue', CreationDate: doc.generatedAt },
  });
  try {
    pdf.registerFont('cjk', font.file, font.face);
    pdf.font('cjk');
  } catch (error) {
    // Not a font, or a collection without that face: the same fix as a missing file.
    throw new AppError('STATEMENT_FONT_MISSING', { cause: error });
  }

  pdf.fontSize(16).text(w.title(statement.year), { width: 515 });
  pdf.moveDown(0.3);
  pdf.fontSize(9).text(`${w.sponsor}: ${doc.sponsorName}    ${w.generatedOn}: ${shanghaiMinute(doc.generatedAt)} (UTC+8)`, { width: 515 });
  pdf.moveDown(0.5);
  for (const sentence of DISCLAIMER) paragraph(pdf, sentence, 10);
  pdf.moveDown(0.8);

  if (lines.length === 0) paragraph(pdf, w.none(statement.year), 9);
  else drawTable(pdf, [w.columns[0], w.columns[1], w.columns[2], w.columns[3], w.columns[6], w.columns[7], w.columns[8]], bankColumns(), lines);
  pdf.moveDown(0.5);
  if (statement.truncated) paragraph(pdf, w.truncated, 8);
  paragraph(pdf, `${w.total}: ¥${yuan(statement.totalFen)}`, 10);

  if (selfReported.length > 0) {
    pdf.moveDown(1);
    paragraph(pdf, w.selfHeading, 10);
    pdf.moveDown(0.3);
    drawTable(pdf, [w.columns[0], w.columns[2], w.columns[3], w.columns[10], w.columns[9]], selfColumns(), selfReported);
    pdf.moveDown(0.5);
    paragraph(pdf, `${w.selfTotal}: ¥${yuan(statement.selfReportedTotalFen)}`, 10);
  }
  numberPages(pdf, w);
  return render(pdf);
}
