import { crc32, inflateRawSync } from 'node:zlib';
import type { BillLine } from './gateway';
import { fenFromYuan, instantFromChina } from './alipay-pay-values';

/**
 * Reads Alipay's trade bill download: a zip holding GBK-encoded CSV files, the detail file
 * (支付宝交易号, 商户订单号, 业务类型 交易/退款, …) and a summary file. Only stored and deflated entries
 * are read (Alipay uses deflate); a plain CSV body is read as one file.
 */

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export class BillFormatError extends Error {
  constructor(message: string) {
    super(`Alipay bill: ${message}`);
    this.name = 'BillFormatError';
  }
}

function zipEntries(zip: Buffer): Buffer[] {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new BillFormatError('zip has no central directory');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let at = zip.readUInt32LE(endOfDirectory + 16);
  const files: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new BillFormatError('zip directory is damaged');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new BillFormatError('zip entry is damaged');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    if (method !== 0 && method !== 8) throw new BillFormatError(`zip compression ${method} is not supported`);
    const file = method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_FILE_BYTES }) : data;
    if (crc32(file) !== crc) throw new BillFormatError('zip entry fails its checksum');
    files.push(file);
  }
  return files;
}

function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

const KINDS: Record<string, BillLine['kind']> = { 交易: 'payment', 退款: 'refund' };

function detailLines(text: string): BillLine[] {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.includes('支付宝交易号') && line.includes('业务类型'));
  if (headerAt < 0) return [];
  const header = cells(lines[headerAt]);
  const column = (name: string) => {
    const index = header.findIndex((cell) => cell.startsWith(name));
    if (index < 0) throw new BillFormatError(`detail has no ${name} column`);
    return index;
  };
  const tradeNo = column('支付宝交易号');
  const outTradeNo = column('商户订单号');
  const kind = column('业务类型');
  const finishedAt = column('完成时间');
  const amount = column('订单金额');
  const refundNo = column('退款批次号');
  const result: BillLine[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (line.startsWith('#')) break;
    if (line.trim() === '') continue;
    const row = cells(line);
    const lineKind = KINDS[row[kind]];
    if (!lineKind) continue;
    const amountFen = fenFromYuan(row[amount]);
    const at = instantFromChina(row[finishedAt]);
    if (amountFen === undefined || at === undefined) throw new BillFormatError(`unreadable line for trade ${row[tradeNo]}`);
    result.push({
      kind: lineKind,
      outTradeNo: row[outTradeNo],
      platformTradeId: row[tradeNo],
      amountFen: Math.abs(amountFen),
      ...(lineKind === 'refund' && row[refundNo] ? { outRefundNo: row[refundNo] } : {}),
      at,
    });
  }
  return result;
}

export function parseTradeBill(download: Buffer): BillLine[] {
  const isZip = download.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const files = isZip ? zipEntries(download) : [download];
  const gbk = new TextDecoder('gbk');
  return files.flatMap((file) => detailLines(gbk.decode(file)));
}
