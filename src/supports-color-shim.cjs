// Bundled in place of chalk's supports-color (scripts/build.js). chalk detects at import whether stdout and stderr
// take colour, for its default instances; plan decides itself (useColor in cli.ts: --no-color, NO_COLOR, TERM=dumb,
// FORCE_COLOR, a terminal) and only makes instances with that level. The detection also loads node:tty, and with
// it node:net, which a run whose output is not a terminal has no other use for: ~1.5 ms.
module.exports = { stdout: false, stderr: false };
