/** OpenCC's dictionaries as opencc-js ships them: one string of "from to|from to|…" entries. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

/** pinyin-pro's character dictionary (character → its readings, space-separated, with tone marks). */
declare module 'pinyin-pro/dist/esm/data/dict1.mjs' {
  const dict: { get(char: string): string | undefined };
  export default dict;
}
