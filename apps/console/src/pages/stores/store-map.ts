/** AMap's marker page (works in any browser and opens the AMap app on phones); coordinates are GCJ-02. */
export function amapMarkerUrl(store: { latitude: number; longitude: number; name: string }): string {
  return `https://uri.amap.com/marker?position=${store.longitude},${store.latitude}&name=${encodeURIComponent(store.name)}`;
}

/** The CSV header the import takes (keywords separated by |). */
export const STORE_CSV_HEADER = 'name,address,phone,hours,latitude,longitude,image_url,keywords';
