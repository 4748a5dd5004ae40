// Text from a plan file is somebody else's: it must not move the cursor, retitle the window or hide text.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀…␟, e.g. ESC shows as ␛
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/**
 * Makes text safe to print to a terminal in one line: control characters (C0, DEL, C1, and so ESC, CSI, OSC)
 * become visible Unicode control pictures, and bidirectional overrides become U+FFFD.
 *
 * @example neutralise('a\x1b[31mb') // 'a␛[31mb'
 */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, picture);
}
