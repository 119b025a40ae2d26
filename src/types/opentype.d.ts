/** The part of satori's font parser (an opentype.js fork) that social-text.ts uses; it ships no types. */
declare module '@shuding/opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): unknown };
  export default opentype;
}
