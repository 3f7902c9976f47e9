import { useCallback, useEffect, useRef, useState } from 'react';

// Drawing all charts of the statistics page in one go held the main thread for 250-400 ms right
// after the tables appeared (the chart library lays out and measures in layout effects, which React
// runs synchronously in the commit), so a key pressed then waited for all of them. Each drawing
// therefore takes a turn: one at a time, each when the browser is idle after the previous one was
// painted, so a key press is answered between two drawings.

/** Runs `run` once the browser has painted the next frame and is idle (at most `timeout` ms later). */
export function whenPaintedAndIdle(run: () => void, timeout = 1500): void {
  const idle = () =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout }) : window.setTimeout(run, 50);
  // Two frames: the first paints what was just committed, the callback after the next one runs only when idle.
  requestAnimationFrame(() => requestAnimationFrame(idle));
}

const waiting: (() => void)[] = [];
let busy = false;

function grantNext(): void {
  if (busy) return;
  const next = waiting.shift();
  if (!next) return;
  busy = true;
  whenPaintedAndIdle(next);
}

function finishTurn(): void {
  busy = false;
  grantNext();
}

/**
 * Waits for this component's turn: `granted` becomes true when it is, and `done` must be called
 * once the drawing is on the page (or the turn passes on when the component goes away first).
 */
export function useIdleTurn(): { granted: boolean; done: () => void } {
  const [granted, setGranted] = useState(false);
  const phase = useRef<'waiting' | 'granted' | 'done'>('waiting');
  useEffect(() => {
    let mounted = true;
    phase.current = 'waiting';
    const start = () => {
      if (!mounted) return finishTurn();
      phase.current = 'granted';
      setGranted(true);
    };
    waiting.push(start);
    grantNext();
    return () => {
      mounted = false;
      const queued = waiting.indexOf(start);
      if (queued >= 0) waiting.splice(queued, 1);
      else if (phase.current === 'granted') finishTurn();
      phase.current = 'done';
    };
  }, []);
  const done = useCallback(() => {
    if (phase.current !== 'granted') return;
    phase.current = 'done';
    finishTurn();
  }, []);
  return { granted, done };
}
