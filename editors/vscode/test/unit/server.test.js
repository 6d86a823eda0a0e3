// Unit tests of the server lookup (src/server.ts) in plain Node: which executable runs,
// in which order the setting, the bundled server and PATH are tried, and what the message
// says when none is there. `npm run test:unit` bundles src/server.ts into test/unit/out/.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const test = require('node:test');
const { findServer, describeSource } = require('./out/server.js');

function tree() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-lookup-'));
  const exe = (rel, mode = 0o755) => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, '#!/bin/sh\n');
    fs.chmodSync(p, mode);
    return p;
  };
  return { root, exe, done: () => fs.rmSync(root, { recursive: true, force: true }) };
}

test('the setting wins over the bundled server and PATH', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  const setting = exe('custom/jiaodui');
  exe('ext/server/jiaodui');
  exe('bin/jiaodui');
  const found = findServer({ configured: setting, extensionPath: path.join(root, 'ext'), envPath: path.join(root, 'bin'), platform: 'linux' });
  assert.deepStrictEqual(found, { ok: true, path: setting, from: 'setting' });
});

test('a setting that names nothing runnable is an error, not a fallback', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  exe('ext/server/jiaodui');
  const found = findServer({ configured: 'missing/jiaodui', workspaceRoot: root, extensionPath: path.join(root, 'ext'), platform: 'linux' });
  assert.strictEqual(found.ok, false);
  assert.strictEqual(found.from, 'setting');
  assert.match(found.message, /jiaodui\.path 为“missing\/jiaodui”，但 .*missing\/jiaodui 不是可执行文件/);
});

test('the bundled server comes before PATH', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  const bundled = exe('ext/server/jiaodui');
  exe('bin/jiaodui');
  const found = findServer({ configured: '  ', extensionPath: path.join(root, 'ext'), envPath: path.join(root, 'bin'), platform: 'linux' });
  assert.deepStrictEqual(found, { ok: true, path: bundled, from: 'bundled' });
});

test('a bundled server that lost its executable bit is made executable again', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  const bundled = exe('ext/server/jiaodui', 0o644);
  const found = findServer({ extensionPath: path.join(root, 'ext'), envPath: '', platform: 'linux' });
  assert.deepStrictEqual(found, { ok: true, path: bundled, from: 'bundled' });
  assert.ok(fs.statSync(bundled).mode & 0o100);
});

test('without a bundled server, jiaodui on PATH', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  const onPath = exe('bin2/jiaodui');
  exe('bin3/jiaodui', 0o644); // not executable: skipped
  const envPath = ['', path.join(root, 'bin1'), path.join(root, 'bin2')].join(':');
  const found = findServer({ extensionPath: path.join(root, 'ext'), envPath, platform: 'linux' });
  assert.deepStrictEqual(found, { ok: true, path: onPath, from: 'PATH' });
});

test('Windows looks for jiaodui.exe, bundled and on PATH', (t) => {
  const { root, exe, done } = tree();
  t.after(done);
  exe('ext/server/jiaodui'); // the Unix name does not count on Windows
  const onPath = exe('bin/jiaodui.exe');
  const found = findServer({ extensionPath: path.join(root, 'ext'), envPath: `${path.join(root, 'none')};${path.join(root, 'bin')}`, platform: 'win32' });
  assert.deepStrictEqual(found, { ok: true, path: onPath, from: 'PATH' });
});

test('nothing anywhere: the message names all three places', (t) => {
  const { root, done } = tree();
  t.after(done);
  const found = findServer({ extensionPath: path.join(root, 'ext'), envPath: path.join(root, 'bin'), platform: 'linux' });
  assert.strictEqual(found.ok, false);
  assert.match(found.message, /没有自带 jiaodui 语言服务.*PATH 上也找不到.*jiaodui\.path 又是空的/);
});

test('each source has a name for the output and the status bar', () => {
  assert.strictEqual(describeSource('bundled'), '扩展自带的语言服务');
  assert.strictEqual(describeSource('setting'), '设置 jiaodui.path');
  assert.strictEqual(describeSource('PATH'), 'PATH 上的 jiaodui');
});
