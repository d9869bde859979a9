/**
 * A minimal text/event-stream parser (WHATWG "event stream interpretation"), for clients
 * that read SSE through fetch — EventSource cannot send an Authorization header.
 * Feed it decoded text chunks of any size; it calls back once per dispatched event.
 */
export interface ParsedSseEvent {
  event: string;
  data: string;
  id: string | undefined;
}

export function createSseParser(onEvent: (event: ParsedSseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return (chunk: string): void => {
    buffer += chunk;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (c === '\r' && i === buffer.length - 1) break;
      line(buffer.slice(start, i));
      if (c === '\r' && buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
}
