import bwipjs from 'bwip-js';

/** A Code 128 barcode as SVG, with the value printed under it: what a till's scanner reads off a phone. */
export function barcodeSvg(value: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text: value, height: 14, scale: 3, includetext: true, textxalign: 'center', paddingwidth: 8, paddingheight: 4, backgroundcolor: 'FFFFFF' });
}
