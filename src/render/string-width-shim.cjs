// Bundled in place of cli-table3's string-width@4 (scripts/build.js): that one runs emoji-regex over every line
// of every cell and costs tens of milliseconds on a table of Chinese text; this one counts with the same East
// Asian Width rules as the rest of plan (src/render/width.ts).
module.exports = require('./width.ts').displayWidth;
