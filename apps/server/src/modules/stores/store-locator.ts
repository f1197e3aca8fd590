import type { Store } from '@zhanggui/shared';
import { fold } from '../replies/text-fold.ts';

export interface NearbyStore {
  store: Store;
  meters: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (GCJ-02 offsets are local and cancel out between nearby points). */
export function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function formatDistance(meters: number, lang: 'zh' | 'en' = 'zh'): string {
  if (meters < 1000) return lang === 'en' ? `${Math.round(meters)} m` : `${Math.round(meters)} 米`;
  const km = meters < 10_000 ? (meters / 1000).toFixed(1) : String(Math.round(meters / 1000));
  return lang === 'en' ? `${km} km` : `${km} 公里`;
}

/** A map link that opens in WeChat's browser (AMap's URI API, GCJ-02). */
export function mapLink(store: Pick<Store, 'name' | 'latitude' | 'longitude'>): string {
  return `https://uri.amap.com/marker?position=${store.longitude},${store.latitude}&name=${encodeURIComponent(store.name)}&coordinate=gaode&callnative=1`;
}

/** The account's stores in memory: the nearest few to a point, optionally those matching a keyword. */
export class StoreLocator {
  private readonly stores: Store[];

  constructor(stores: Store[]) {
    this.stores = stores.filter((s) => s.enabled);
  }

  get size(): number {
    return this.stores.length;
  }

  nearest(latitude: number, longitude: number, options: { limit?: number; keyword?: string } = {}): NearbyStore[] {
    const folding = { ignoreCase: true, foldWidth: true };
    const keyword = options.keyword ? fold(options.keyword.trim(), folding) : '';
    const pool = keyword
      ? this.stores.filter((s) => [s.name, ...s.keywords].some((text) => fold(text, folding).includes(keyword)))
      : this.stores;
    return pool
      .map((store) => ({ store, meters: distanceMeters(latitude, longitude, store.latitude, store.longitude) }))
      .sort((a, b) => a.meters - b.meters || a.store.id - b.store.id)
      .slice(0, options.limit ?? 3);
  }
}
