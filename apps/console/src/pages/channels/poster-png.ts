import { downloadBlob } from '../../components/download.ts';

/** Posters narrower than this are drawn at twice their size, so the PNG prints sharp. */
const MIN_PRINT_WIDTH = 1200;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('poster image did not load'));
    image.src = url;
  });
}

/**
 * The poster as PNG, drawn in the browser: the server's SVG loaded as an image from a blob URL, painted
 * into a canvas. An SVG drawn as an image loads nothing from outside, so the server embeds the background
 * and the code as data: URIs.
 */
export async function downloadPosterPng(svgUrl: string, filename: string): Promise<void> {
  const response = await fetch(svgUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`poster ${response.status}`);
  const svg = new Blob([await response.text()], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(svg);
  try {
    const image = await loadImage(url);
    const width = image.naturalWidth || 750;
    const height = image.naturalHeight || 1334;
    const scale = width < MIN_PRINT_WIDTH ? 2 : 1;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'));
    downloadBlob(filename, png);
  } finally {
    URL.revokeObjectURL(url);
  }
}
