import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import { bounds, labelPoint, outlineEdges } from '$lib/core/geo/outline';
import { NO_DATA_COLOUR } from './mapColours';
import { ARROWS, nextInDirection, type Arrow } from './groupKeys';

maplibregl.setWorkerUrl(workerUrl);

const SOURCE = 'groups';
/** Pixels kept between the ward and the map's edges. */
const MARGIN = 24;

type Padding = { top: number; right: number; bottom: number; left: number };

/** What floats over the map and must not hide a group: notes along its top, the legend in its bottom-right corner. */
export interface Overlays {
	top: number;
	legend: { width: number; height: number };
}

export interface GroupLabel {
	code: string;
	text: string;
	x: number;
	y: number;
}

/**
 * What two maps side by side share (`compare=`): the group under the pointer on either, and the camera of the one
 * last moved, so that hovering or zooming one does the same on the other.
 */
export class MapLink {
	hovered = $state<string | null>(null);
	camera = $state.raw<{ center: maplibregl.LngLatLike; zoom: number; from: WardMap } | null>(null);
}

/**
 * MapLibre behind the ward map. Geometry is loaded once (`promoteId` makes `group_code` the feature id); a
 * filter change only sends changed feature states, never `setData` (svelte-maplibre's JoinedData habit).
 * A local style: plain background, no tiles, no glyphs — labels are an HTML overlay placed with `project()`.
 */
export class WardMap {
	ready = $state(false);
	labels = $state.raw<GroupLabel[]>([]);
	hovered = $state.raw<{ code: string; x: number; y: number } | null>(null);
	#map: maplibregl.Map | null = null;
	#loaded = false;
	#colours = new Map<string, string>();
	/** Until the first colours arrive the map shows the ward uncoloured and is not "ready". */
	#coloured = false;
	#selected = new Set<string>();
	#labelPoints: { code: string; text: string; at: [number, number] }[] = [];
	#onselect: (code: string) => void;
	#link: MapLink | null;
	/** The group outlined because it is hovered on this map or the linked one. */
	highlighted = $state<string | null>(null);
	/** Set while the map follows the linked one, so its own `move` events are not sent back (no loop). */
	#following = false;
	#extent: [number, number, number, number] | null = null;
	#overlays: Overlays = { top: 0, legend: { width: 0, height: 0 } };

	constructor(onselect: (code: string) => void, link: MapLink | null = null) {
		this.#onselect = onselect;
		this.#link = link;
	}

	mount(container: HTMLElement, groups: GroupWithGeometry[]): () => void {
		const geometries = groups.map((group) => group.geometry);
		const extent = bounds(geometries) ?? [105.8615, 20.9927, 105.8786, 21.0032];
		this.#extent = extent;
		// New areas (a ward drilled into, the level switched): the page is not ready until this map has drawn them.
		this.ready = false;
		const map = new maplibregl.Map({
			container,
			style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } }] },
			bounds: extent,
			fitBoundsOptions: { padding: this.#padding(container.clientWidth, container.clientHeight) },
			attributionControl: false,
			dragRotate: false,
			pitchWithRotate: false,
			canvasContextAttributes: { preserveDrawingBuffer: true }
		});
		this.#map = map;
		this.#labelPoints = groups.flatMap((group) => {
			const at = labelPoint(group.geometry);
			return at ? [{ code: group.group_code, text: shortName(group.name, group.group_code), at }] : [];
		});
		performance.mark('map:created');
		map.on('load', () => {
			performance.mark('map:loaded');
			map.addSource(SOURCE, {
				type: 'geojson',
				promoteId: 'group_code',
				data: {
					type: 'FeatureCollection',
					features: groups.flatMap((group) =>
						group.geometry ? [{ type: 'Feature', geometry: group.geometry, properties: { group_code: group.group_code } }] : []
					)
				}
			});
			map.addSource('outline', {
				type: 'geojson',
				data: { type: 'MultiLineString', coordinates: outlineEdges(geometries) }
			});
			map.addLayer({
				id: 'group-fill',
				type: 'fill',
				source: SOURCE,
				paint: { 'fill-color': ['coalesce', ['feature-state', 'colour'], NO_DATA_COLOUR], 'fill-opacity': 0.9 }
			});
			map.addLayer({
				id: 'group-line',
				type: 'line',
				source: SOURCE,
				paint: {
					'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111', '#ffffff'],
					'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1]
				}
			});
			map.addLayer({
				id: 'group-hover',
				type: 'line',
				source: SOURCE,
				paint: {
					'line-color': '#1a1a1a',
					'line-width': 2.5,
					'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0]
				}
			});
			map.addLayer({ id: 'ward-outline', type: 'line', source: 'outline', paint: { 'line-color': '#333', 'line-width': 2 } });
			this.#loaded = true;
			this.#applyStates(new Map(), new Set());
		});
		map.on('mousemove', 'group-fill', (event) => {
			const code = event.features?.[0]?.id;
			map.getCanvas().style.cursor = 'pointer';
			this.hovered = code === undefined ? null : { code: String(code), x: event.point.x, y: event.point.y };
			if (this.#link) this.#link.hovered = this.hovered?.code ?? null;
		});
		map.on('mouseleave', 'group-fill', () => {
			map.getCanvas().style.cursor = '';
			this.hovered = null;
			if (this.#link) this.#link.hovered = null;
		});
		map.on('move', () => {
			if (this.#following || !this.#link) return;
			this.#link.camera = { center: map.getCenter(), zoom: map.getZoom(), from: this };
		});
		map.on('click', 'group-fill', (event) => {
			const code = event.features?.[0]?.id;
			if (code !== undefined) this.#onselect(String(code));
		});
		map.on('render', () => this.#placeLabels());
		// The panel may still be taking its size when the map is made (the ward is drawn while the data loads):
		// whenever it changes, the map takes the new size and shows the whole ward again.
		let size = `${container.clientWidth}x${container.clientHeight}`;
		const resized = new ResizeObserver(() => {
			const now = `${container.clientWidth}x${container.clientHeight}`;
			if (now === size || container.clientWidth === 0 || container.clientHeight === 0) return;
			size = now;
			map.resize();
			this.#fit();
		});
		resized.observe(container);
		return () => {
			resized.disconnect();
			map.remove();
			this.#map = null;
			this.#loaded = false;
			this.highlighted = null;
		};
	}

	/** Shows new colours and selection, sending only the groups whose state changed. */
	update(colours: Map<string, string> | null, selected: string[]): void {
		if (!colours) return;
		this.#coloured = true;
		const previousColours = this.#colours;
		const previousSelected = this.#selected;
		this.#colours = colours;
		this.#selected = new Set(selected);
		if (this.#loaded) this.#applyStates(previousColours, previousSelected);
	}

	/** Keeps the ward clear of the overlays: fits it again when they change size. */
	reserve(overlays: Overlays): void {
		const same =
			overlays.top === this.#overlays.top &&
			overlays.legend.width === this.#overlays.legend.width &&
			overlays.legend.height === this.#overlays.legend.height;
		if (same) return;
		this.#overlays = overlays;
		this.#fit();
	}

	#fit(): void {
		const map = this.#map;
		if (!map || !this.#extent) return;
		const { clientWidth, clientHeight } = map.getContainer();
		if (!clientWidth || !clientHeight) return;
		map.fitBounds(this.#extent, { padding: this.#padding(clientWidth, clientHeight), animate: false });
	}

	/**
	 * The padding that fits the ward beside the legend or above it, whichever draws it larger; plain margins when
	 * the map is too small to spare the room (the legend then covers a corner rather than the ward vanishing).
	 */
	#padding(width: number, height: number): Padding {
		const base = { top: Math.max(MARGIN, this.#overlays.top + 8), right: MARGIN, bottom: MARGIN, left: MARGIN };
		const { legend } = this.#overlays;
		if (!this.#extent || !legend.width || !width || !height) return base;
		const [west, south, east, north] = this.#extent;
		const corner = maplibregl.MercatorCoordinate.fromLngLat([west, north]);
		const opposite = maplibregl.MercatorCoordinate.fromLngLat([east, south]);
		const scale = (padding: Padding) =>
			Math.min(
				(width - padding.left - padding.right) / (opposite.x - corner.x),
				(height - padding.top - padding.bottom) / (opposite.y - corner.y)
			);
		const aside = { ...base, right: legend.width + 16 };
		const below = { ...base, bottom: legend.height + 16 };
		const best = scale(aside) >= scale(below) ? aside : below;
		const roomy = width - best.left - best.right >= 120 && height - best.top - best.bottom >= 120;
		return roomy ? best : base;
	}

	/** Outlines the group hovered on the linked map (null: none). */
	highlight(code: string | null): void {
		const map = this.#map;
		if (!map || !this.#loaded || code === this.highlighted) return;
		if (this.highlighted !== null) map.setFeatureState({ source: SOURCE, id: this.highlighted }, { hover: false });
		if (code !== null) map.setFeatureState({ source: SOURCE, id: code }, { hover: true });
		this.highlighted = code;
	}

	/** Shows a group's name and value and outlines it, as the pointer over it does (null: none). */
	hover(code: string | null): void {
		const label = code === null ? undefined : this.labels.find((candidate) => candidate.code === code);
		this.hovered = label ? { code: label.code, x: label.x, y: label.y } : null;
		if (this.#link) this.#link.hovered = this.hovered?.code ?? null;
		else this.highlight(this.hovered?.code ?? null);
	}

	/**
	 * The group whose label a key moves the keyboard focus to from `code`'s: the arrows go to the nearest label
	 * that way, Home and End to the first and the last; null when none lies that way, undefined for other keys.
	 */
	keyTarget(code: string, key: string): string | null | undefined {
		const labels = this.labels;
		if (key === 'Home') return labels[0]?.code ?? null;
		if (key === 'End') return labels.at(-1)?.code ?? null;
		if (!(ARROWS as readonly string[]).includes(key)) return undefined;
		const from = labels.findIndex((label) => label.code === code);
		const to = from < 0 ? null : nextInDirection(labels, from, key as Arrow);
		return to === null ? null : labels[to].code;
	}

	/** Takes the camera of the linked map when that one was moved. */
	follow(camera: MapLink['camera']): void {
		const map = this.#map;
		if (!map || !camera || camera.from === this) return;
		this.#following = true;
		try {
			map.jumpTo({ center: camera.center, zoom: camera.zoom });
		} finally {
			this.#following = false;
		}
	}

	/** The map's canvas (it keeps its drawing buffer, so it can be copied into a PNG). */
	canvas(): HTMLCanvasElement | null {
		return this.#map?.getCanvas() ?? null;
	}

	#applyStates(previousColours: Map<string, string>, previousSelected: Set<string>): void {
		const map = this.#map;
		if (!map) return;
		let changed = false;
		for (const [code, colour] of this.#colours) {
			const selected = this.#selected.has(code);
			if (previousColours.get(code) === colour && previousSelected.has(code) === selected) continue;
			map.setFeatureState({ source: SOURCE, id: code }, { colour, selected });
			changed = true;
		}
		for (const code of previousSelected) {
			if (!this.#colours.has(code)) map.setFeatureState({ source: SOURCE, id: code }, { selected: false });
		}
		if (!this.#coloured || (!changed && this.ready)) return;
		this.ready = false;
		map.once('idle', () => {
			performance.mark('map:ready');
			this.ready = true;
		});
		map.triggerRepaint();
	}

	#placeLabels(): void {
		const map = this.#map;
		if (!map) return;
		this.labels = this.#labelPoints.map(({ code, text, at }) => {
			const point = map.project(at);
			return { code, text, x: point.x, y: point.y };
		});
	}
}

/**
 * "Tổ dân phố 12" → "12", "Phường 1 (mô phỏng)" → "1": the map has room for the name's last number, and the label's
 * accessible name (the full name) then holds what it shows (WCAG 2.5.3); the full name shows on hover.
 */
function shortName(name: string, code: string): string {
	return /(\d+)\D*$/.exec(name)?.[1] ?? code;
}
