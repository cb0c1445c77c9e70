// Writes the n8n workflow (workflow.json) and the SMTP credential (credentials.json) of the benchmark
// into the folder given, for `n8n import:workflow` and `n8n import:credentials`.
//   node flow.js DIR PORTMONE_URL SMTP_PORT HOOK_TOKEN PAYEE_ID LOGIN SIGNING_KEY MAIL_FROM
const fs = require('fs');
const path = require('path');
const [dir, portmoneUrl, smtpPort, hookToken, payeeId, login, signingKey, mailFrom] = process.argv.slice(2);
const code = fs.readFileSync(path.join(__dirname, 'sign.js'), 'utf8')
  .replace('SETTINGS', JSON.stringify({ hookToken, payeeId, login, signingKey }));
const node = (name, type, typeVersion, x, parameters, extra = {}) =>
  ({ id: name.toLowerCase().replace(/[^a-z]+/g, '-'), name, type, typeVersion, position: [x, 0], parameters, ...extra });
const workflow = {
  id: 'benchOrders00001',
  name: 'bench-orders',
  active: true,
  settings: { executionOrder: 'v1' },
  nodes: [
    // answers 202 at once, before the rest of the flow runs
    node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: 'bench-orders',
      responseMode: 'onReceived', responseCode: 202, options: {} }, { webhookId: 'b3c1f1de-0c8e-4c57-9a57-bench0orders' }),
    node('Validate and sign', 'n8n-nodes-base.code', 2, 400, { mode: 'runOnceForEachItem', jsCode: code }),
    node('createLinkPayment', 'n8n-nodes-base.httpRequest', 4.2, 600, { method: 'POST', url: portmoneUrl,
      sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json.request) }}', options: {} }),
    node('Send Email', 'n8n-nodes-base.emailSend', 2.1, 800, { fromEmail: mailFrom,
      toEmail: "={{ $('Validate and sign').item.json.email }}",
      subject: "={{ $('Validate and sign').item.json.subject }}", emailFormat: 'html',
      html: "={{ $('Validate and sign').item.json.html.replaceAll('%LINK%', $json.linkPayment) }}",
      options: { appendAttribution: false } },
      { credentials: { smtp: { id: 'benchSmtp000001', name: 'SMTP sink' } } }),
  ],
  connections: {
    'Webhook': { main: [[{ node: 'Validate and sign', type: 'main', index: 0 }]] },
    'Validate and sign': { main: [[{ node: 'createLinkPayment', type: 'main', index: 0 }]] },
    'createLinkPayment': { main: [[{ node: 'Send Email', type: 'main', index: 0 }]] },
  },
};
const credentials = [{ id: 'benchSmtp000001', name: 'SMTP sink', type: 'smtp',
  data: { user: '', password: '', host: '127.0.0.1', port: Number(smtpPort), secure: false, disableStartTls: true } }];
fs.writeFileSync(path.join(dir, 'workflow.json'), JSON.stringify(workflow, null, 2));
fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials, null, 2));
