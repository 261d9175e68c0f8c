import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 2000 },
	// Module workers, so that a worker's dynamic imports stay separate files: the import worker starts without
	// ExcelJS and hyparquet, and loads them only for a workbook or a Parquet file.
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/server.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
