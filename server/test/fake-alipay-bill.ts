import { crc32, deflateRawSync } from 'node:zlib';

/** Builds an Alipay trade bill download as the real gateway serves it: a zip of GBK-encoded CSV files. */

let gbkTable: Map<string, Buffer> | undefined;

/** GBK bytes of `text`, from the inverse of the platform's own GBK decoder. */
export function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, bytes);
      }
    }
  }
  const table = gbkTable;
  return Buffer.concat(
    [...text].map((char) => (char.charCodeAt(0) < 0x80 ? Buffer.from(char, 'latin1') : (table.get(char) ?? Buffer.from('?')))),
  );
}

export function zipFiles(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = gbkEncode(file.name);
    const compressed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export interface FakeBillRow {
  tradeNo: string;
  outTradeNo: string;
  kind: '交易' | '退款';
  subject: string;
  createdAt: string;
  finishedAt: string;
  buyer: string;
  /** Signed yuan, as the bill shows it (refunds negative). */
  amountYuan: string;
  outRequestNo: string;
}

const DETAIL_HEADER =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,' +
  '支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';

/** The day's detail and summary files for one seller, zipped. */
export function tradeBillZip(sellerId: string, day: string, rows: FakeBillRow[]): Buffer {
  const compact = day.replace(/-/g, '');
  const [year, month, date] = day.split('-');
  const detail = [
    '#支付宝业务明细查询',
    `#账号：[${sellerId}0156]`,
    `#起始日期：[${year}年${month}月${date}日 00:00:00]   终止日期：[${year}年${month}月${date}日 23:59:59]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    DETAIL_HEADER,
    ...rows.map((row) =>
      [
        `${row.tradeNo}\t`,
        `${row.outTradeNo}\t`,
        row.kind,
        row.subject,
        row.createdAt,
        row.finishedAt,
        '',
        '',
        '',
        '',
        row.buyer,
        row.amountYuan,
        row.amountYuan,
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        row.outRequestNo ? `${row.outRequestNo}\t` : '',
        '0.00',
        '0.00',
        '',
      ].join(','),
    ),
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${rows.filter((row) => row.kind === '交易').length}笔，退款合计：${rows.filter((row) => row.kind === '退款').length}笔`,
    `#导出时间：[${year}年${month}月${date}日 23:59:59]`,
  ].join('\r\n');
  const summary = ['#支付宝业务汇总查询', '门店编号,门店名称,交易订单总笔数,退款订单总笔数', `合计,,${rows.length},0`].join('\r\n');
  return zipFiles([
    { name: `${sellerId}0156_${compact}_业务明细.csv`, data: gbkEncode(detail) },
    { name: `${sellerId}0156_${compact}_业务明细(汇总).csv`, data: gbkEncode(summary) },
  ]);
}
