import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '@zhanggui/shared';
import { distanceMeters, formatDistance, mapLink, StoreLocator } from './store-locator.ts';

const store = (id: number, name: string, latitude: number, longitude: number, keywords: string[] = []): Store => ({
  id, name, address: `${name}地址`, phone: '021-0000', hours: '9:00-21:00', latitude, longitude, imageUrl: null, keywords, enabled: true,
});

// People's Square, Shanghai.
const here = { lat: 31.2304, lng: 121.4737 };
const stores = [
  store(1, '陆家嘴店', 31.2397, 121.4998, ['ATM']),
  store(2, '南京东路店', 31.2354, 121.4795),
  store(3, '徐家汇店', 31.1946, 121.4365, ['ATM', '停车']),
  store(4, '北京三里屯店', 39.9336, 116.4543, ['ATM']),
  store(5, '人民广场店', 31.2312, 121.4745),
];

test('the nearest three stores, nearest first, with distances', () => {
  const nearby = new StoreLocator(stores).nearest(here.lat, here.lng);
  assert.deepEqual(nearby.map((n) => n.store.name), ['人民广场店', '南京东路店', '陆家嘴店']);
  assert.ok(nearby[0]!.meters < 150);
  assert.ok(Math.abs(nearby[2]!.meters - 2660) < 200, `${nearby[2]!.meters}`);
});

test('"附近 ATM": only stores with the keyword, nearest first', () => {
  assert.deepEqual(new StoreLocator(stores).nearest(here.lat, here.lng, { keyword: 'atm' }).map((n) => n.store.name), ['陆家嘴店', '徐家汇店', '北京三里屯店']);
  assert.deepEqual(new StoreLocator(stores).nearest(here.lat, here.lng, { keyword: '停车', limit: 5 }).map((n) => n.store.name), ['徐家汇店']);
});

test('distances and links', () => {
  assert.ok(Math.abs(distanceMeters(31.2304, 121.4737, 39.9042, 116.4074) - 1_067_000) < 5_000, 'Shanghai to Beijing ≈ 1067 km');
  assert.equal(formatDistance(320), '320 米');
  assert.equal(formatDistance(1540), '1.5 公里');
  assert.equal(formatDistance(23_400, 'en'), '23 km');
  assert.equal(mapLink({ name: '南京东路店', latitude: 31.2354, longitude: 121.4795 }), 'https://uri.amap.com/marker?position=121.4795,31.2354&name=%E5%8D%97%E4%BA%AC%E4%B8%9C%E8%B7%AF%E5%BA%97&coordinate=gaode&callnative=1');
  assert.equal(new StoreLocator([{ ...stores[0]!, enabled: false }]).size, 0);
});
