import { useEffect, useRef, useState } from 'react';
import { text } from '../text.ts';
import { canScan, createDetector } from './barcode-scanner.ts';

/** 扫码: opens the back camera and hands over the first code it reads. Hidden where the browser cannot scan. */
export function ScanButton({ onScanned, testId }: { onScanned: (value: string) => void; testId?: string }) {
  const [open, setOpen] = useState(false);
  if (!canScan()) return null;
  return (
    <>
      <button type="button" className="btn btn-default btn-scan" onClick={() => setOpen(true)} data-testid={testId}>
        {text.staff.scan}
      </button>
      {open && (
        <Scanner
          onScanned={(value) => {
            setOpen(false);
            onScanned(value);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** How often a video frame is checked for a code. */
const DETECT_EVERY_MS = 200;

function Scanner({ onScanned, onClose }: { onScanned: (value: string) => void; onClose: () => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const onScannedRef = useRef(onScanned);
  onScannedRef.current = onScanned;

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    let stream: MediaStream | null = null;
    const start = async () => {
      try {
        const detector = await createDetector();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        const video = videoRef.current;
        if (stopped || !video) return;
        video.srcObject = stream;
        await video.play();
        const tick = async () => {
          if (stopped) return;
          const value = (await detector.detect(video).catch(() => []))[0]?.rawValue;
          if (stopped) return;
          if (value) onScannedRef.current(value);
          else timer = window.setTimeout(tick, DETECT_EVERY_MS);
        };
        void tick();
      } catch {
        if (!stopped) setFailed(true);
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="scanner" role="dialog" aria-modal="true" aria-label={text.staff.scan}>
      {failed ? <p className="scanner-failed">{text.staff.scanFailed}</p> : <video ref={videoRef} className="scanner-video" playsInline muted />}
      {!failed && <div className="scanner-frame" aria-hidden="true" />}
      <p className="scanner-hint">{text.staff.scanTitle}</p>
      <button type="button" className="btn btn-default scanner-cancel" onClick={onClose}>
        {text.common.cancel}
      </button>
    </div>
  );
}
