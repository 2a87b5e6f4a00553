/** How many ladder rows fit the body, kept current by a ResizeObserver. */
import { useEffect, useRef, useState } from 'react';

/** Must match --row-h in theme.css. */
export const LADDER_ROW_PX = 18;

export function useRowCount(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(31);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setRows(Math.max(5, Math.floor(el.clientHeight / LADDER_ROW_PX)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, rows];
}
