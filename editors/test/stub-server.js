#!/usr/bin/env node
// A stand-in for `jiaodui lsp`, used by editors/test.sh to prove that the editor suites fail
// when the server misbehaves, and to develop the suites before the real server existed.
//
//   stub-server.js lsp            answers like jiaodui for one rule: `punct/halfwidth` (ASCII , ; ( )
//                                 between Han characters), with quick fixes, source.fixAll.jiaodui, a
//                                 hover on findings and on 平城区. Push diagnostics only, full-document sync.
//   stub-server.js lsp --silent   initializes and answers requests, but never sends a diagnostic.
//
// It is not the product: the suites run against target/debug/jiaodui.
'use strict';

const args = process.argv.slice(2);
if (args[0] === '--version') {
  process.stdout.write('jiaodui-stub 0.0.0\n');
  process.exit(0);
}
if (args[0] === 'explain') {
  process.stdout.write(`# ${args[1]}\n\nStub docs.\n`);
  process.exit(0);
}
const silent = args.includes('--silent');
const docs = new Map(); // uri -> text
let encoding = 'utf-16';

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

let buf = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const sep = buf.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(buf.slice(0, sep).toString());
    const len = Number(m[1]);
    if (buf.length < sep + 4 + len) return;
    const msg = JSON.parse(buf.slice(sep + 4, sep + 4 + len).toString('utf8'));
    buf = buf.slice(sep + 4 + len);
    handle(msg);
  }
});
process.stdin.on('end', () => process.exit(0));

const HAN = /[\u3400-\u9fff\u{20000}-\u{3134f}]/u;
const FULL = { ',': '，', ';': '；', '(': '（', ')': '）' };

// Findings as [startOffset, endOffset, replacement] in JS string (UTF-16) offsets.
function findings(text) {
  const out = [];
  const chars = Array.from(text);
  let off = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (FULL[ch] && HAN.test(chars[i - 1] ?? '') && HAN.test(chars[i + 1] ?? '')) out.push([off, off + 1, FULL[ch]]);
    off += ch.length;
  }
  return out;
}

// UTF-16 offset <-> LSP position in the negotiated encoding.
function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const lineText = before.slice(before.lastIndexOf('\n') + 1);
  const character = encoding === 'utf-8' ? Buffer.byteLength(lineText, 'utf8') : lineText.length;
  return { line, character };
}
function offsetOf(text, pos) {
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < pos.line && i < lines.length; i++) off += lines[i].length + 1;
  const lineText = lines[pos.line] ?? '';
  if (encoding === 'utf-16') return off + Math.min(pos.character, lineText.length);
  return off + Buffer.from(lineText, 'utf8').slice(0, pos.character).toString('utf8').length;
}
function range(text, s, e) {
  return { start: position(text, s), end: position(text, e) };
}
function diagnostics(uri) {
  const text = docs.get(uri);
  return findings(text).map(([s, e, r]) => ({
    range: range(text, s, e),
    severity: 2,
    code: 'punct/halfwidth',
    source: 'jiaodui',
    message: `中文里用了半角标点“${text.slice(s, e)}”`,
    data: { replacement: r },
  }));
}
function publish(uri) {
  if (silent) return;
  send({ method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: diagnostics(uri) } });
}

function handle(msg) {
  const { id, method, params } = msg;
  const reply = (result) => send({ id, result });
  switch (method) {
    case 'initialize': {
      const offered = params.capabilities?.general?.positionEncodings ?? [];
      encoding = offered.includes('utf-8') ? 'utf-8' : 'utf-16';
      return reply({
        serverInfo: { name: 'jiaodui-stub', version: '0.0.0' },
        capabilities: {
          positionEncoding: encoding,
          textDocumentSync: { openClose: true, change: 1 },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.jiaodui'] },
        },
      });
    }
    case 'shutdown':
      return reply(null);
    case 'exit':
      return process.exit(0);
    case 'textDocument/didOpen':
      docs.set(params.textDocument.uri, params.textDocument.text);
      return publish(params.textDocument.uri);
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges[params.contentChanges.length - 1].text);
      return publish(params.textDocument.uri);
    case 'textDocument/didClose':
      docs.delete(params.textDocument.uri);
      return;
    case 'textDocument/hover': {
      const text = docs.get(params.textDocument.uri) ?? '';
      const at = offsetOf(text, params.position);
      const finding = findings(text).find(([s, e]) => at >= s && at <= e);
      if (finding) {
        return reply({ contents: { kind: 'markdown', value: '**punct/halfwidth** · 警告\n\n中文里用了半角标点' }, range: range(text, finding[0], finding[1]) });
      }
      for (let i = text.indexOf('平城区'); i >= 0; i = text.indexOf('平城区', i + 1)) {
        if (at >= i && at < i + 3) {
          return reply({ contents: { kind: 'markdown', value: '**平城区**（区）\n\n山西省 › 大同市 › 平城区' }, range: range(text, i, i + 3) });
        }
      }
      return reply(null);
    }
    case 'textDocument/codeAction': {
      const uri = params.textDocument.uri;
      const text = docs.get(uri) ?? '';
      const only = params.context.only;
      const edits = (list) => ({ changes: { [uri]: list.map(([s, e, r]) => ({ range: range(text, s, e), newText: r })) } });
      const actions = [];
      if (!only || only.some((k) => k === 'quickfix')) {
        const lo = offsetOf(text, params.range.start), hi = offsetOf(text, params.range.end);
        for (const f of findings(text)) {
          if (f[1] < lo || f[0] > hi) continue;
          actions.push({ title: `改为“${f[2]}”`, kind: 'quickfix', isPreferred: true, edit: edits([f]),
            diagnostics: diagnostics(uri).filter((d) => d.range.start.character === range(text, f[0], f[1]).start.character && d.range.start.line === range(text, f[0], f[1]).start.line) });
        }
      }
      if (!only || only.some((k) => 'source.fixAll.jiaodui'.startsWith(k))) {
        const all = findings(text);
        if (all.length) actions.push({ title: '修正全部可安全修正的问题', kind: 'source.fixAll.jiaodui', edit: edits(all) });
      }
      return reply(actions);
    }
    default:
      if (id !== undefined && method) send({ id, error: { code: -32601, message: `unhandled ${method}` } });
  }
}
