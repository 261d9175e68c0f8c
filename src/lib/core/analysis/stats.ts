export function assertFinite(values: readonly number[], what: string): void {
	const bad = values.findIndex((value) => !Number.isFinite(value));
	if (bad >= 0) throw new RangeError(`${what}[${bad}] is ${values[bad]}, not a finite number`);
}

/** True when every value equals the first — exactly, so a constant field is never mistaken for noise. */
export function isConstant(values: readonly number[]): boolean {
	return values.every((value) => value === values[0]);
}

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Population standard deviation √(Σx²/n − x̄²), computed in the stabler two-pass form √(Σ(x − x̄)²/n). */
export function populationSd(values: readonly number[], average = mean(values)): number {
	let sumSquares = 0;
	for (const value of values) sumSquares += (value - average) ** 2;
	return Math.sqrt(sumSquares / values.length);
}
