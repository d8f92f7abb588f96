/**
 * Message templates shared by the app and the server: `{name}` placeholders and the plural part of ICU
 * MessageFormat, `{count, plural, =0 {none yet} one {# year} other {# years}}`, where `#` is the number.
 * Apostrophes are plain text (no ICU quoting), and `select`, number and date styles are not supported:
 * a `{…}` that is not one of the two forms stays in the text as written.
 */
export type MessageParams = Record<string, string | number>;

type Part = string | { arg: string } | { pound: true } | { arg: string; branches: Record<string, Part[]> };

// Anchored at the parser's position (not sticky `y` regexes, which older mini-program engines lack).
const SIMPLE = /^\{\s*(\w+)\s*\}/;
const PLURAL_START = /^\{\s*(\w+)\s*,\s*plural\s*,/;
const SELECTOR = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;
const CLOSE = /^\s*\}/;

class Parser {
  private at = 0;
  private lastMatch: RegExpExecArray = [] as unknown as RegExpExecArray;
  constructor(private readonly text: string) {}

  parse(): Part[] {
    const parts = this.parts(false);
    if (this.at < this.text.length) throw this.error('an unmatched }');
    return parts;
  }

  private parts(inBranch: boolean): Part[] {
    const parts: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push(literal);
      literal = '';
    };
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (inBranch && char === '}') break;
      if (inBranch && char === '#') {
        flush();
        parts.push({ pound: true });
        this.at += 1;
      } else if (char === '{' && this.match(SIMPLE)) {
        flush();
        parts.push({ arg: this.lastMatch[1] });
      } else if (char === '{' && this.match(PLURAL_START)) {
        flush();
        parts.push(this.plural(this.lastMatch[1]));
      } else {
        literal += char;
        this.at += 1;
      }
    }
    flush();
    return parts;
  }

  private plural(arg: string): Part {
    const branches: Record<string, Part[]> = {};
    while (this.match(SELECTOR)) {
      const selector = this.lastMatch[1];
      branches[selector] = this.parts(true);
      if (this.text[this.at] !== '}') throw this.error(`an unclosed branch "${selector}"`);
      this.at += 1;
    }
    if (!this.match(CLOSE)) throw this.error(`a malformed plural for {${arg}}`);
    if (!branches.other) throw this.error(`no "other" branch in the plural for {${arg}}`);
    return { arg, branches };
  }

  private match(pattern: RegExp): boolean {
    const found = pattern.exec(this.text.slice(this.at));
    if (!found) return false;
    this.lastMatch = found;
    this.at += found[0].length;
    return true;
  }

  private error(what: string) {
    return new Error(`Message has ${what} at ${this.at}: ${this.text}`);
  }
}

const parsed = new Map<string, Part[]>();

/** Parses a template once; throws on a malformed plural, which the catalogue tests catch. */
export function parseMessage(template: string): Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = new Parser(template).parse();
    parsed.set(template, parts);
  }
  return parts;
}

/** The names a template takes, sorted, each once: both `{name}` and `{name, plural, …}` (and those inside branches). */
export function messageArguments(template: string): string[] {
  const names = new Set<string>();
  const collect = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string' || !('arg' in part)) continue;
      names.add(part.arg);
      if ('branches' in part) Object.values(part.branches).forEach(collect);
    }
  };
  collect(parseMessage(template));
  return [...names].sort();
}

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** English has "one" for exactly 1; Chinese has no plural forms. Used where `Intl.PluralRules` is missing. */
export function fallbackPluralCategory(locale: string, n: number): PluralCategory {
  return locale.toLowerCase().startsWith('en') && n === 1 ? 'one' : 'other';
}

const rulesByLocale = new Map<string, Intl.PluralRules | null>();

// Some WeChat JS engines ship without Intl.PluralRules, or without data for a locale (it would then
// silently use another language's rules), so it is used only when it knows the locale itself.
function pluralRulesFor(locale: string): Intl.PluralRules | null {
  if (!rulesByLocale.has(locale)) {
    const usable =
      typeof Intl === 'object' && typeof Intl.PluralRules === 'function' && Intl.PluralRules.supportedLocalesOf([locale]).length > 0;
    rulesByLocale.set(locale, usable ? new Intl.PluralRules(locale) : null);
  }
  return rulesByLocale.get(locale) ?? null;
}

export function pluralCategory(locale: string, n: number): PluralCategory {
  return pluralRulesFor(locale)?.select(n) ?? fallbackPluralCategory(locale, n);
}

const has = (params: MessageParams, name: string) => Object.prototype.hasOwnProperty.call(params, name);

function render(parts: Part[], params: MessageParams, locale: string, count?: number): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('pound' in part) out += String(count);
    else if (!has(params, part.arg)) out += `{${part.arg}}`;
    else if (!('branches' in part)) out += String(params[part.arg]);
    else {
      const n = Number(params[part.arg]);
      const branch = part.branches[`=${n}`] ?? part.branches[pluralCategory(locale, n)] ?? part.branches.other;
      out += render(branch, params, locale, n);
    }
  }
  return out;
}

/** Fills a template; a placeholder without a value stays visible as `{name}`. */
export function formatMessage(template: string, params: MessageParams | undefined, locale: string): string {
  return render(parseMessage(template), params ?? {}, locale);
}
