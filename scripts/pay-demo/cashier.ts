import http from 'node:http';
import type { FakeAlipay } from '../../server/test/fake-alipay';
import type { FakeWechatPay } from '../../server/test/fake-wechat-pay';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

interface OpenOrder {
  platform: 'wechat' | 'alipay';
  outTradeNo: string;
  amountFen: number;
}

/**
 * Stands in for the payer's phone in the demo: lists the orders the fake platforms hold unpaid and
 * pays one when asked, as scanning the QR code and paying would. The fake then sends its signed
 * notice to the server, which alone decides the order is paid.
 */
export function startCashier(port: number, wechat: FakeWechatPay, alipay: FakeAlipay): Promise<http.Server> {
  const openOrders = (): OpenOrder[] => [
    ...wechat.orders().filter((o) => o.state === 'NOTPAY').map((o) => ({ platform: 'wechat' as const, outTradeNo: o.outTradeNo, amountFen: o.amountFen })),
    ...alipay.orders().filter((o) => o.status === 'WAIT_BUYER_PAY').map((o) => ({ platform: 'alipay' as const, outTradeNo: o.outTradeNo, amountFen: o.amountFen })),
  ];
  const page = (message = '') => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>伴学演示 · 付款人的手机</title>
<body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;line-height:1.6">
<h1>付款人的手机（演示）</h1>
<p>这里代替微信或支付宝扫码付款。Banxue 只在收到平台签名的通知或查询结果后才记为已付。</p>
${message ? `<p><strong>${escape(message)}</strong></p>` : ''}
${openOrders().length === 0 ? '<p>没有待付款的订单。在 Banxue 里点“支付”后刷新本页。</p>' : ''}
<ul>${openOrders()
    .map(
      (o) => `<li>${o.platform === 'wechat' ? '微信支付' : '支付宝'} · ${escape(o.outTradeNo)} · ${yuan(o.amountFen)}
<form method="post" action="/pay" style="display:inline"><input type="hidden" name="platform" value="${o.platform}"><input type="hidden" name="no" value="${escape(o.outTradeNo)}"><button>付款</button></form></li>`,
    )
    .join('')}</ul>
<p><a href="/">刷新</a></p></body></html>`;

  const server = http.createServer(async (request, response) => {
    if (request.method === 'POST' && request.url === '/pay') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const form = new URLSearchParams(text);
      const no = form.get('no') ?? '';
      let message: string;
      try {
        if (form.get('platform') === 'alipay') await alipay.pay(no);
        else await wechat.pay(no);
        message = `已付款 ${no}；平台已通知 Banxue。`;
      } catch (error) {
        message = `付款失败：${(error as Error).message}`;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(message));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
