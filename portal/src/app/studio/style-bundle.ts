/** The style bundles angular.json builds without injecting them: Form.io's and bpmn-js's. */
export type StyleBundle = 'bpmn' | 'formio';

const loading = new Map<StyleBundle, Promise<void>>();

/**
 * Adds `<link rel="stylesheet" href="<name>.css">` to the document head once and resolves
 * when the sheet has loaded, so a studio page draws its diagram or builder already styled.
 */
export function loadStyleBundle(name: StyleBundle): Promise<void> {
  let done = loading.get(name);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${name}.css`;
      link.onload = () => resolve();
      link.onerror = () => {
        loading.delete(name);
        link.remove();
        reject(new Error(`style bundle ${name}.css did not load`));
      };
      document.head.appendChild(link);
    });
    loading.set(name, done);
  }
  return done;
}
