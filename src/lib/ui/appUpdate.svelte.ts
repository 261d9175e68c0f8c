import { dev } from '$app/environment';
import { asset } from '$app/paths';

/** How often an open tab asks the server for a new version (the browser also asks at each page load). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The app's service worker (src/service-worker.ts), which keeps the app for use offline, and the new versions it
 * brings. A new version installs in the background and waits; the page offers it (`available`) and only the user's
 * click lets it take over, then the page reloads whole into it.
 */
export class AppUpdate {
	/** A new version is installed and waits for the user's reload. */
	available = $state(false);
	#registration: ServiceWorkerRegistration | null = null;
	#reloading = false;

	/** Registers the service worker; not in development, where the files change at every edit. */
	async start(): Promise<void> {
		if (dev || this.#registration || !('serviceWorker' in navigator)) return;
		const container = navigator.serviceWorker;
		// Whether the page was already run by a version of the app: the first install's `claim` changes nothing
		// the user should hear of.
		let hadController = container.controller !== null;
		container.addEventListener('controllerchange', () => {
			if (this.#reloading) location.reload();
			// Another tab let a new version take over: this one still runs the old code.
			else if (hadController) this.available = true;
			hadController = true;
		});
		try {
			const registration = await container.register(asset('/service-worker.js'));
			this.#registration = registration;
			const waitFor = (worker: ServiceWorker | null) =>
				worker?.addEventListener('statechange', () => {
					if (worker.state === 'installed' && container.controller) this.available = true;
				});
			if (registration.waiting && container.controller) this.available = true;
			// The load of the page may have found the new version before the page listened.
			waitFor(registration.installing);
			registration.addEventListener('updatefound', () => waitFor(registration.installing));
			setInterval(() => registration.update().catch(() => undefined), CHECK_EVERY_MS);
		} catch {
			// Blocked (a private window, a policy) or the script is unreachable: the app works online as before.
		}
	}

	/** Lets the waiting version take over; the page reloads when it does. */
	reload(): void {
		const waiting = this.#registration?.waiting;
		this.#reloading = true;
		if (waiting) waiting.postMessage('skip-waiting');
		else location.reload();
	}
}

let shared: AppUpdate | null = null;

/** The one AppUpdate of the page. */
export function appUpdate(): AppUpdate {
	shared ??= new AppUpdate();
	return shared;
}
