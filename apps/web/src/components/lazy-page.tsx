import { createElement, lazy, useState, type ComponentType } from 'react';

export type LazyPage = ComponentType & { preload(): Promise<unknown> };

/**
 * React.lazy that can be started early (routes.tsx starts the page of the address being opened
 * alongside the sign-in check). React.lazy suspends once even on code that has already arrived,
 * and React holds a revealed Suspense boundary back for up to 300 ms: a page whose code is already
 * there is rendered directly instead. Each mounted page keeps the way it started, so it never
 * remounts (and loses its state) when the code arrives.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a failed download may be tried again at the next visit
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    const [direct] = useState(() => loaded);
    return createElement(direct ?? Lazy);
  }
  return Object.assign(Page, { preload });
}
