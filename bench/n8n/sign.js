// The Code node "validate and sign" (mode: once for each item): the token, the record's fields, and
// the signed createLinkPayment request, as the app's mapping, guard and Portmone producer build it.
const crypto = require('crypto');
const settings = SETTINGS; // written in by flow.js: hookToken, payeeId, login, signingKey
const hook = $json;
if ((hook.headers || {})['x-hook-token'] !== settings.hookToken) {
  throw new Error('missing or wrong webhook token');
}
const r = hook.body || {};
const key = String(r.order_id || '').trim();
const amount = /^\d+(\.\d{1,2})?$/.test(String(r.amount)) ? Number(r.amount).toFixed(2) : null;
const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(r.email || '')) ? String(r.email) : null;
if (!key) throw new Error('key is required');
if (!amount) throw new Error('amount is invalid');
if (!email) throw new Error('email is invalid');
if (!r.name) throw new Error('payerName is required');
const orderNumber = 'bench-orders_' + key;
const t = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  .formatToParts(new Date()).map(part => [part.type, part.value]));
const dt = t.year + t.month + t.day + t.hour + t.minute + t.second;
const hex = s => Buffer.from(s, 'utf8').toString('hex');
const text = (settings.payeeId + dt + hex(orderNumber) + amount).toUpperCase() + hex(settings.login).toUpperCase();
const signature = crypto.createHmac('sha256', settings.signingKey).update(text, 'utf8').digest('hex').toUpperCase();
const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
return {
  json: {
    orderNumber,
    email,
    subject: 'Рахунок на оплату ' + amount + ' UAH — Order ' + key,
    html: '<!DOCTYPE html>\n<html lang="uk">\n<body style="font-family: Arial, sans-serif; color: #222;">\n'
      + '<p>Шановний(а) ' + esc(r.name) + '!</p>\n'
      + '<p>Для вас створено рахунок на суму <strong>' + amount + ' UAH</strong> (Order ' + esc(key) + ').</p>\n'
      + '<p><a href="%LINK%">Сплатити рахунок</a></p>\n'
      + '<p>Якщо кнопка не працює, відкрийте посилання: <br>%LINK%</p>\n'
      + '<p style="color:#777;font-size:12px;">Номер замовлення: ' + esc(orderNumber) + '</p>\n</body>\n</html>\n',
    request: {
      method: 'createLinkPayment',
      payee: { payeeId: settings.payeeId, login: settings.login, dt, signature, shopSiteId: '' },
      order: { description: 'Order ' + key, shopOrderNumber: orderNumber, billAmount: amount, billCurrency: 'UAH',
        successUrl: '', failureUrl: '', preauthFlag: 'N', expTime: '86400', attribute1: String(r.name),
        attribute2: String(r.phone || ''), attribute3: email, attribute4: '', encoding: 'UTF-8' },
      token: { tokenFlag: 'N', returnToken: 'N', token: '', cardMask: '', otherPaymentMethods: '' },
      payer: { lang: r.lang || 'uk', emailAddress: email, showEmail: 'Y' },
    },
  },
};
