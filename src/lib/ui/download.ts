/** Saves a file the page made (an export) through the browser's own download; nothing leaves the machine. */
export function saveBlob(blob: Blob, file: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = file;
	link.click();
	URL.revokeObjectURL(url);
}
