/**
 * The distinct byte strings of one buffer, each known by where it first occurs: an open-addressing table of
 * hashes, so that a million cells or ids are told apart without making a string of any of them. The hash is
 * FNV-1a's step taken on four bytes at a time (a quarter of the multiplications, each waiting for the one
 * before), its bits then spread by MurmurHash3's finaliser, since the table's slot is its low bits.
 */
export class ByteKeys {
	readonly #data: Uint8Array;
	#slots: Int32Array;
	#starts: Int32Array;
	#ends: Int32Array;
	#hashes: Int32Array;
	#size = 0;

	/** `expected`: about how many keys there will be (the table grows past it). */
	constructor(data: Uint8Array, expected: number) {
		this.#data = data;
		let slots = 16;
		while (slots < 2 * expected + 2) slots *= 2;
		this.#slots = new Int32Array(slots).fill(-1);
		this.#starts = new Int32Array(slots / 2);
		this.#ends = new Int32Array(slots / 2);
		this.#hashes = new Int32Array(slots / 2);
	}

	/** How many distinct keys so far: a key numbered `size - 1` after `key()` was new. */
	get size(): number {
		return this.#size;
	}

	/** The number of the bytes `data[from]` up to `data[to]`, in order of first appearance, added if new. */
	key(from: number, to: number): number {
		const data = this.#data;
		let hash = 0x811c9dc5 ^ (to - from); // an int32, like every hash `Math.imul` makes and `#hashes` keeps
		let index = from;
		for (; index + 4 <= to; index += 4) {
			hash = Math.imul(hash ^ (data[index] | (data[index + 1] << 8) | (data[index + 2] << 16) | (data[index + 3] << 24)), 0x01000193);
		}
		for (; index < to; index++) hash = Math.imul(hash ^ data[index], 0x01000193);
		// Multiplying carries bits upwards only: the high bits are folded into the low ones the slot is taken from.
		hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
		hash ^= hash >>> 13;
		const mask = this.#slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const key = this.#slots[slot];
			if (key === -1) {
				if (2 * (this.#size + 1) > this.#slots.length) {
					this.#grow();
					return this.key(from, to);
				}
				this.#slots[slot] = this.#add(from, to, hash);
				return this.#size - 1;
			}
			if (this.#hashes[key] === hash && this.#equal(key, from, to)) return key;
		}
	}

	#add(from: number, to: number, hash: number): number {
		this.#starts[this.#size] = from;
		this.#ends[this.#size] = to;
		this.#hashes[this.#size] = hash;
		return this.#size++;
	}

	#equal(key: number, from: number, to: number): boolean {
		const start = this.#starts[key];
		if (this.#ends[key] - start !== to - from) return false;
		const data = this.#data;
		for (let index = 0; index < to - from; index++) if (data[start + index] !== data[from + index]) return false;
		return true;
	}

	#grow(): void {
		const slots = new Int32Array(this.#slots.length * 2).fill(-1);
		const mask = slots.length - 1;
		for (let key = 0; key < this.#size; key++) {
			let slot = this.#hashes[key] & mask;
			while (slots[slot] !== -1) slot = (slot + 1) & mask;
			slots[slot] = key;
		}
		this.#slots = slots;
		const widen = (values: Int32Array) => {
			const wider = new Int32Array(slots.length / 2);
			wider.set(values);
			return wider;
		};
		this.#starts = widen(this.#starts);
		this.#ends = widen(this.#ends);
		this.#hashes = widen(this.#hashes);
	}
}
