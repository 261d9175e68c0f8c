/** Whether this module is the script node was asked to run (`tsx data/demo/generate.ts`), not an import. */
export async function isRunAsScript(moduleUrl: string): Promise<boolean> {
	if (typeof process === 'undefined' || !process.argv[1]) return false;
	const { pathToFileURL } = await import('node:url');
	const { resolve } = await import('node:path');
	return moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}
