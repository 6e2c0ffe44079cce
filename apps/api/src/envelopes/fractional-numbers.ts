/**
 * Finds the first JSON number written with a fraction or an exponent ("12.50", "1e3") outside strings and
 * returns the key it is the value of (dotted path), or null. JSON.parse turns "1250.00" into 1250, which
 * read as cents would silently divide a euro amount by 100: amounts must be integer cents or decimal strings.
 */
export function fractionalNumberField(json: string): string | null {
  const path: string[] = [];
  const containers: ('object' | 'array')[] = [];
  let pendingKey: string | null = null;
  let i = 0;
  while (i < json.length) {
    const ch = json[i]!;
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < json.length && json[j] !== '"') {
        if (json[j] === '\\') { text += json.slice(j, j + 2); j += 2; continue; }
        text += json[j];
        j++;
      }
      let k = j + 1;
      while (k < json.length && /\s/.test(json[k]!)) k++;
      if (containers[containers.length - 1] === 'object' && json[k] === ':') pendingKey = text;
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      path.push(pendingKey ?? '');
      containers.push(ch === '{' ? 'object' : 'array');
      pendingKey = null;
    } else if (ch === '}' || ch === ']') {
      path.pop();
      containers.pop();
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(json.slice(i));
      if (m && (m[1] !== undefined || m[2] !== undefined)) return [...path, pendingKey ?? ''].filter(Boolean).join('.') || '(root)';
      i += m ? m[0].length : 1;
      pendingKey = null;
      continue;
    } else if (ch === ',') {
      pendingKey = null;
    }
    i++;
  }
  return null;
}
