// The cover crop: a fixed 16:9 frame over the picture; the picture is zoomed (1×–4× of "just covers the
// frame") and dragged under it. The frame's part of the picture is drawn onto a 640 × 360 canvas.

/** WeChat shows covers at 2.35:1 in lists and 16:9 on the article; 640 × 360 is what we upload. */
export const COVER_SIZE = { width: 640, height: 360 } as const;
export const MAX_ZOOM = 4;

export interface CropState {
  zoom: number;
  /** Where the picture's top-left corner is, relative to the frame's, in frame pixels (≤ 0). */
  x: number;
  y: number;
}

export interface Sizes {
  frame: { width: number; height: number };
  image: { width: number; height: number };
}

/** The scale at zoom 1: the smallest that covers the frame. */
function baseScale({ frame, image }: Sizes): number {
  return Math.max(frame.width / image.width, frame.height / image.height);
}

export function displaySize(sizes: Sizes, zoom: number): { width: number; height: number } {
  const scale = baseScale(sizes) * zoom;
  return { width: sizes.image.width * scale, height: sizes.image.height * scale };
}

/** Keeps the frame inside the picture. */
export function clampCrop(sizes: Sizes, state: CropState): CropState {
  const shown = displaySize(sizes, state.zoom);
  const clamp = (value: number, min: number) => Math.min(0, Math.max(min, value));
  return { zoom: state.zoom, x: clamp(state.x, sizes.frame.width - shown.width), y: clamp(state.y, sizes.frame.height - shown.height) };
}

/** Centred at zoom 1. */
export function initialCrop(sizes: Sizes): CropState {
  const shown = displaySize(sizes, 1);
  return { zoom: 1, x: (sizes.frame.width - shown.width) / 2, y: (sizes.frame.height - shown.height) / 2 };
}

/** A new zoom that keeps the frame's centre on the same point of the picture. */
export function zoomCrop(sizes: Sizes, state: CropState, zoom: number): CropState {
  const ratio = zoom / state.zoom;
  const cx = sizes.frame.width / 2;
  const cy = sizes.frame.height / 2;
  return clampCrop(sizes, { zoom, x: cx - (cx - state.x) * ratio, y: cy - (cy - state.y) * ratio });
}

/** The frame's part of the picture, in the picture's own pixels. */
export function sourceRect(sizes: Sizes, state: CropState): { x: number; y: number; width: number; height: number } {
  const scale = baseScale(sizes) * state.zoom;
  return { x: -state.x / scale, y: -state.y / scale, width: sizes.frame.width / scale, height: sizes.frame.height / scale };
}

/** The crop as a 640 × 360 JPEG. The picture must be same-origin (ours) or the canvas cannot be read. */
export function cropToJpeg(image: HTMLImageElement, sizes: Sizes, state: CropState): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = COVER_SIZE.width;
  canvas.height = COVER_SIZE.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2d canvas'));
  // JPEG has no transparency: a transparent PNG or GIF gets a white background, not a black one.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = 'high';
  const source = sourceRect(sizes, state);
  context.drawImage(image, source.x, source.y, source.width, source.height, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.9));
}
