// Chromium for the code-server tests: Debian's package, headless, as root, on a machine
// without access to Google's services.
'use strict';
exports.CHROMIUM = process.env.JIAODUI_CHROMIUM || '/usr/bin/chromium';
exports.FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
