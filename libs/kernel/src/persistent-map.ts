/**
 * An immutable map from strings, updated by path copying (a hash trie, 32 ways a level): `set` copies at most one node per
 * level and one small leaf, so a state holding thousands of entries is updated in constant time instead of being copied
 * whole (`{ ...record, [key]: value }` copies every entry). Its shape depends only on its keys (leaves sorted, split at a
 * fixed size, nothing removed), so two maps with the same entries are deeply equal whatever order they were built in.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const LEAF_SIZE = 8;
const MAX_DEPTH = 6;

interface Leaf<V> {
  readonly hashes: readonly number[];
  readonly keys: readonly string[];
  readonly values: readonly V[];
}
type Slot<V> = Node<V> | Leaf<V> | undefined;
type Node<V> = readonly Slot<V>[];

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const isNode = <V>(slot: Slot<V>): slot is Node<V> => Array.isArray(slot);
const indexAt = (hash: number, depth: number) => (hash >>> (depth * BITS)) & (WIDTH - 1);
const emptyNode = <V>(): Slot<V>[] => new Array<Slot<V>>(WIDTH).fill(undefined);

function leafWith<V>(leaf: Leaf<V> | undefined, hash: number, key: string, value: V): { leaf: Leaf<V>; added: boolean } {
  const keys = leaf ? [...leaf.keys] : [];
  const values = leaf ? [...leaf.values] : [];
  const hashes = leaf ? [...leaf.hashes] : [];
  let i = 0;
  while (i < keys.length && keys[i]! < key) i++;
  if (keys[i] === key) {
    values[i] = value;
    return { leaf: { hashes, keys, values }, added: false };
  }
  keys.splice(i, 0, key);
  values.splice(i, 0, value);
  hashes.splice(i, 0, hash);
  return { leaf: { hashes, keys, values }, added: true };
}

function setIn<V>(slot: Slot<V>, depth: number, hash: number, key: string, value: V): { slot: Slot<V>; added: boolean } {
  if (isNode(slot)) {
    const node = [...slot];
    const i = indexAt(hash, depth);
    const next = setIn(node[i], depth + 1, hash, key, value);
    node[i] = next.slot;
    return { slot: node, added: next.added };
  }
  if (!slot || slot.keys.length < LEAF_SIZE || depth >= MAX_DEPTH || slot.keys.includes(key)) {
    const { leaf, added } = leafWith(slot, hash, key, value);
    return { slot: leaf, added };
  }
  // A full leaf becomes a node: its entries go one level down, then the new one.
  let node: Slot<V> = emptyNode<V>();
  slot.keys.forEach((k, i) => {
    node = setIn(node, depth, slot.hashes[i]!, k, slot.values[i]!).slot;
  });
  return setIn(node, depth, hash, key, value);
}

function* entriesOf<V>(slot: Slot<V>): Generator<[string, V]> {
  if (!slot) return;
  if (isNode(slot)) {
    for (const child of slot) yield* entriesOf(child);
    return;
  }
  for (let i = 0; i < slot.keys.length; i++) yield [slot.keys[i]!, slot.values[i]!];
}

export class PersistentMap<V> {
  private constructor(
    private readonly root: Slot<V>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let slot = this.root;
    for (let depth = 0; isNode(slot); depth++) slot = slot[indexAt(hash, depth)];
    if (!slot) return undefined;
    const i = slot.keys.indexOf(key);
    return i < 0 ? undefined : slot.values[i];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): PersistentMap<V> {
    const { slot, added } = setIn(this.root, 0, hashOf(key), key, value);
    return new PersistentMap(slot, this.size + (added ? 1 : 0));
  }

  /** In the map's own order (by hash), stable for a given set of keys. */
  entries(): IterableIterator<[string, V]> {
    return entriesOf(this.root);
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
}
