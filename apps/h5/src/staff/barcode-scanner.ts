// The Shape Detection API's BarcodeDetector (Chrome on Android, recent WebViews). TypeScript's DOM
// library does not declare it yet, so this is the part we use.

interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorConstructor {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
}

/** Coupon QR codes and member barcodes (Code 128), plus the common retail formats. */
const FORMATS = ['qr_code', 'code_128', 'ean_13', 'code_39'];

function detectorClass(): BarcodeDetectorConstructor | null {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector ?? null;
}

/** Whether this browser can scan with the camera (BarcodeDetector, and getUserMedia on a secure origin). */
export function canScan(): boolean {
  return detectorClass() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export async function createDetector(): Promise<BarcodeDetectorInstance> {
  const Detector = detectorClass();
  if (!Detector) throw new Error('BarcodeDetector is not available');
  const supported = (await Detector.getSupportedFormats?.()) ?? FORMATS;
  return new Detector({ formats: FORMATS.filter((format) => supported.includes(format)) });
}
