/**
 * A small reader for the feed's text in unit tests: unfolds lines, splits components and
 * unescapes TEXT values. The integration tests read the feed with real parsers (python-icalendar,
 * vobject, khal, Radicale); this one only lets unit tests look at single properties.
 */
export interface IcalProperty {
  name: string;
  /** Parameters as written, e.g. "VALUE=DATE" or "RELATED=START". */
  params: string;
  value: string;
}

export interface IcalComponent {
  type: string;
  props: IcalProperty[];
  children: IcalComponent[];
  /** The first value of a property (unescaped), or undefined. */
  get(name: string): string | undefined;
  /** The property line's parameters and value as written, e.g. "VALUE=DATE:20251231". */
  raw(name: string): string | undefined;
}

const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

function component(type: string): IcalComponent {
  const props: IcalProperty[] = [];
  return {
    type,
    props,
    children: [],
    get: (name) => {
      const p = props.find((q) => q.name === name);
      return p && unescape(p.value);
    },
    raw: (name) => {
      const p = props.find((q) => q.name === name);
      return p && (p.params ? `${p.params}:${p.value}` : p.value);
    },
  };
}

/** Parses the feed into its VCALENDAR component. Throws on unbalanced BEGIN/END. */
export function readIcal(text: string): IcalComponent {
  // Lenient about a final LF (the CLI's stdout ends with one); the builder writes CRLF throughout.
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const stack: IcalComponent[] = [];
  let root: IcalComponent | undefined;
  for (const line of lines) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const semi = head.indexOf(';');
    const name = semi === -1 ? head : head.slice(0, semi);
    const params = semi === -1 ? '' : head.slice(semi + 1);
    if (name === 'BEGIN') {
      const c = component(value);
      stack.at(-1)?.children.push(c);
      stack.push(c);
      root ??= c;
    } else if (name === 'END') {
      const c = stack.pop();
      if (c?.type !== value) throw new Error(`END:${value} does not close ${c?.type}`);
    } else {
      stack.at(-1)?.props.push({ name, params, value });
    }
  }
  if (!root || stack.length) throw new Error('unbalanced calendar');
  return root;
}

export const eventsOf = (text: string) => readIcal(text).children.filter((c) => c.type === 'VEVENT');

export function eventByUid(text: string, uid: string): IcalComponent {
  const event = eventsOf(text).find((e) => e.get('UID') === uid);
  if (!event) throw new Error(`no event ${uid}`);
  return event;
}

/** The alarm triggers of an event as written, e.g. ["RELATED=START:-P29DT15H"]. */
export const triggersOf = (event: IcalComponent) =>
  event.children.filter((c) => c.type === 'VALARM').map((a) => a.raw('TRIGGER'));
